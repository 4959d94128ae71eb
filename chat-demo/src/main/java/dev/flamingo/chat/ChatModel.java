package dev.flamingo.chat;

import dev.flamingo.core.Model;
import dev.flamingo.core.ViewInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tutorial's ChatModel: nicknames of the views present (kept by {@code view-join}/{@code view-exit}),
 * the participant count, and a history of at most 100 entries that records who posted each. Views post with
 * {@code input:newPost} and reset with {@code input:reset}; the chat also resets itself after 20 minutes
 * without posts, through a future message and {@link #now()}. Setters are guarded by {@link #modelOnly()} so
 * a view cannot change the chat by accident. Thread rule: the session thread (model code).
 *
 * <p>One addition to the tutorial: a view may join with view data {@code {user: id}}, a person's stable id,
 * which the history records beside the view id, so the same person starting the app again is not a "new
 * participant" whose arrival wipes the chat (see {@link #hasPostsBy}).
 */
public class ChatModel extends Model {
  static final int MAX_HISTORY = 100;
  static final List<String> NAMES = List.of("Acorn", "Allspice", "Almond", "Ancho", "Anise", "Aoli", "Apple", "Apricot",
      "Arrowroot", "Asparagus", "Avocado", "Baklava", "Balsamic", "Banana", "Barbecue", "Bacon", "Basil",
      "Bay Leaf", "Bergamot", "Blackberry", "Blueberry", "Broccoli", "Buttermilk", "Cabbage", "Camphor",
      "Canaloupe", "Cappuccino", "Caramel", "Caraway", "Cardamom", "Catnip", "Cauliflower", "Cayenne", "Celery",
      "Cherry", "Chervil", "Chives", "Chipotle", "Chocolate", "Coconut", "Cookie Dough", "Chicory", "Chutney",
      "Cilantro", "Cinnamon", "Clove", "Coriander", "Cranberry", "Croissant", "Cucumber", "Cupcake", "Cumin",
      "Curry", "Dandelion", "Dill", "Durian", "Eclair", "Eggplant", "Espresso", "Felafel", "Fennel", "Fenugreek",
      "Fig", "Garlic", "Gelato", "Gumbo", "Honeydew", "Hyssop", "Ghost Pepper", "Ginger", "Ginseng", "Grapefruit",
      "Habanero", "Harissa", "Hazelnut", "Horseradish", "Jalepeno", "Juniper", "Ketchup", "Key Lime", "Kiwi",
      "Kohlrabi", "Kumquat", "Latte", "Lavender", "Lemon Grass", "Lemon Zest", "Licorice", "Macaron", "Mango",
      "Maple Syrup", "Marjoram", "Marshmallow", "Matcha", "Mayonnaise", "Mint", "Mulberry", "Mustard",
      "Nectarine", "Nutmeg", "Olive Oil", "Orange Peel", "Oregano", "Papaya", "Paprika", "Parsley", "Parsnip",
      "Peach", "Peanut", "Pecan", "Pennyroyal", "Peppercorn", "Persimmon", "Pineapple", "Pistachio", "Plum",
      "Pomegranate", "Poppy Seed", "Pumpkin", "Quince", "Ragout", "Raspberry", "Ratatouille", "Rosemary",
      "Rosewater", "Saffron", "Sage", "Sassafras", "Sea Salt", "Sesame Seed", "Shiitake", "Sorrel", "Soy Sauce",
      "Spearmint", "Strawberry", "Strudel", "Sunflower Seed", "Sriracha", "Tabasco", "Tamarind", "Tandoori",
      "Tangerine", "Tarragon", "Thyme", "Tofu", "Truffle", "Tumeric", "Valerian", "Vanilla", "Vinegar", "Wasabi",
      "Walnut", "Watercress", "Watermelon", "Wheatgrass", "Yarrow", "Yuzu", "Zucchini");

  // LinkedHashMap: insertion order is part of the state and the same on every replica (the tutorial's Map).
  private Map<String, String> views;
  private Map<String, String> users;
  private int participants;
  private List<ChatEntry> history;
  private Long lastPostTime;
  private long inactivityTimeoutMs;

  @Override
  protected void init(Object options) {
    views = new LinkedHashMap<>();
    users = new LinkedHashMap<>();
    participants = 0;
    history = new ArrayList<>();
    lastPostTime = null;
    inactivityTimeoutMs = 20 * 60 * 1000;
    subscribe(sessionId(), "view-join", this::viewJoin);
    subscribe(sessionId(), "view-exit", this::viewExit);
    subscribe("input", "newPost", this::newPost);
    subscribe("input", "reset", this::resetHistory);
  }

  // ---- reading (views may call these at any time on the session thread) ----

  /** The nickname of {@code viewId}, or null if it is not in the session. */
  public String nickname(String viewId) {
    return views.get(viewId);
  }

  /** The number of views in the session. */
  public int participants() {
    return participants;
  }

  /** The history, oldest first (read-only). */
  public List<ChatEntry> history() {
    return Collections.unmodifiableList(history);
  }

  /** True if the history holds a post by {@code viewId} or, when {@code user} is not null, by that person. */
  public boolean hasPostsBy(String viewId, String user) {
    for (ChatEntry entry : history) {
      if (viewId.equals(entry.viewId()) || (user != null && user.equals(entry.user()))) {
        return true;
      }
    }
    return false;
  }

  /** The stable user id {@code viewId} joined with, or null. */
  public String user(String viewId) {
    return users.get(viewId);
  }

  // ---- event handlers (model code) ----

  void viewJoin(Object joined) {
    String viewId = viewIdOf(joined);
    if (views.get(viewId) == null) {
      setNickname(viewId, randomName());
    }
    if (joined instanceof ViewInfo info && info.viewData() instanceof Map<?, ?> data && data.get("user") instanceof String user) {
      setUser(viewId, user);
    }
    setParticipants(participants + 1);
    publish("viewInfo", "refresh");
  }

  void viewExit(Object exited) {
    String viewId = viewIdOf(exited);
    setParticipants(participants - 1);
    removeView(viewId);
    publish("viewInfo", "refresh");
  }

  void newPost(Post post) {
    String postingView = post.viewId();
    String nickname = views.get(postingView);
    addToHistory(new ChatEntry(postingView, users.get(postingView), nickname, post.text()));
    setLastPostTime(now());
    future(inactivityTimeoutMs, this::resetIfInactive);
  }

  void resetIfInactive() {
    if (lastPostTime == null || lastPostTime != now() - inactivityTimeoutMs) {
      return;
    }
    resetHistory("due to inactivity");
  }

  void resetHistory(String reason) {
    modelOnly("resetHistory changes the chat; publish input:reset from a view instead");
    history = new ArrayList<>(List.of(ChatEntry.notice("chat reset " + reason)));
    setLastPostTime(null);
    publish("history", "refresh");
  }

  // ---- setters, guarded as the tutorial recommends ----

  void addToHistory(ChatEntry item) {
    modelOnly("addToHistory changes the chat; publish input:newPost from a view instead");
    history.add(item);
    if (history.size() > MAX_HISTORY) {
      history.remove(0);
    }
    publish("history", "refresh");
  }

  void setNickname(String viewId, String nickname) {
    modelOnly("setNickname is model-only");
    views.put(viewId, nickname);
  }

  void setUser(String viewId, String user) {
    modelOnly("setUser is model-only");
    users.put(viewId, user);
  }

  void removeView(String viewId) {
    modelOnly("removeView is model-only");
    views.remove(viewId);
    users.remove(viewId);
  }

  void setParticipants(int count) {
    modelOnly("setParticipants is model-only");
    participants = count;
  }

  void setLastPostTime(Long time) {
    modelOnly("setLastPostTime is model-only");
    lastPostTime = time;
  }

  String randomName() {
    return NAMES.get((int) StrictMath.floor(random() * NAMES.size()));
  }

  private static String viewIdOf(Object payload) {
    return payload instanceof ViewInfo info ? info.viewId() : (String) payload;
  }
}
