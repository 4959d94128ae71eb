package dev.flamingo.chat;

/**
 * One line of the chat history: a post with who posted it, or a notice (no author) such as a reset.
 * Croquet's tutorial keeps an HTML string; here the parts are kept apart and the view shows them as plain
 * text, so nothing a user types is ever interpreted as markup. Thread rule: immutable, any thread.
 *
 * @param viewId the posting view, or null for a notice
 * @param user the poster's stable user id (from their view data), or null
 * @param nickname the poster's nickname at the time of the post, or null for a notice
 * @param text what was posted, or the notice text
 */
public record ChatEntry(String viewId, String user, String nickname, String text) {

  /** A notice line such as "chat reset at user request". */
  static ChatEntry notice(String text) {
    return new ChatEntry(null, null, null, text);
  }

  /** True for a notice rather than a post. */
  public boolean isNotice() {
    return viewId == null;
  }
}
