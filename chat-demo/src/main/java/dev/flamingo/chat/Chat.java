package dev.flamingo.chat;

import dev.flamingo.core.Registry;

/** The chat's registry: its model and the classes stored in its state. Thread rule: any thread. */
public final class Chat {
  /** The app id the chat joins under. */
  public static final String APP_ID = "dev.flamingo.chat";

  private static final class Holder {
    // Building a registry scans bytecode, so do it once, when first needed.
    static final Registry REGISTRY = Registry.builder()
        .register("chat.ChatModel", ChatModel.class)
        .register("chat.ChatEntry", ChatEntry.class)
        .register("chat.Post", Post.class)
        .build();
  }

  private Chat() {}

  /** The registry for joining a chat session. */
  public static Registry registry() {
    return Holder.REGISTRY;
  }
}
