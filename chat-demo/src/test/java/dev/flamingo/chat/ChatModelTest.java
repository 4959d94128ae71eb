package dev.flamingo.chat;

import static dev.flamingo.chat.Replicas.chat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.vm.VirtualMachine;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tutorial's chat rules, on replicas that join at different times and must end bit-identical. */
class ChatModelTest {
  private static final long MINUTE = 60_000;

  private Replicas net;
  private VirtualMachine first;

  @BeforeEach
  void start() {
    net = new Replicas();
    first = net.replay();
  }

  @AfterEach
  void noHandlerFailed() {
    assertEquals(List.of(), net.errors);
  }

  @Test
  void replicasJoinedAtDifferentTimesEndWithIdenticalSnapshots() {
    net.join("a", "ann");
    for (int i = 0; i < 40; i++) {
      net.post("a", "hello " + i);
      net.elapse(50);
    }
    VirtualMachine restored = net.restoreFrom(first);
    net.join("b", "bob");
    for (int i = 0; i < 80; i++) {
      net.post(i % 2 == 0 ? "a" : "b", "line " + i);
      net.elapse(25);
    }
    net.reset("at user request");
    VirtualMachine replayed = net.replay();
    net.exit("a");
    net.post("b", "bye");
    net.elapse(21 * MINUTE);
    String hash = first.snapshot().sha256();
    assertEquals(hash, restored.snapshot().sha256());
    assertEquals(hash, replayed.snapshot().sha256());
    assertEquals(List.of(ChatEntry.notice("chat reset due to inactivity")), chat(replayed).history());
  }

  @Test
  void nicknamesAreDrawnFromTheListAndAgreeEverywhere() {
    VirtualMachine second = net.replay();
    net.join("a", null);
    net.join("b", null);
    assertTrue(ChatModel.NAMES.contains(chat(first).nickname("a")));
    assertEquals(chat(first).nickname("a"), chat(second).nickname("a"));
    assertEquals(chat(first).nickname("b"), chat(second).nickname("b"));
    assertEquals(2, chat(first).participants());
  }

  @Test
  void viewExitForgetsTheNicknameAndCounts() {
    net.join("a", null);
    net.join("b", null);
    net.exit("a");
    assertNull(chat(first).nickname("a"));
    assertEquals(1, chat(first).participants());
  }

  @Test
  void historyKeepsTheLatestHundredWithTheirAuthors() {
    net.join("a", "ann");
    for (int i = 0; i < 105; i++) {
      net.post("a", "m" + i);
    }
    List<ChatEntry> history = chat(first).history();
    assertEquals(100, history.size());
    assertEquals("m5", history.get(0).text());
    ChatEntry last = history.get(99);
    assertEquals(List.of("a", "ann", chat(first).nickname("a"), "m104"),
        Arrays.asList(last.viewId(), last.user(), last.nickname(), last.text()));
  }

  @Test
  void markupIsKeptAsPlainText() {
    net.join("a", null);
    net.post("a", "<b>bold?</b> & <script>x</script>");
    assertEquals("<b>bold?</b> & <script>x</script>", chat(first).history().get(0).text());
  }

  @Test
  void resetLeavesOnlyTheNotice() {
    net.join("a", null);
    net.post("a", "one");
    net.reset("at user request");
    assertEquals(List.of(ChatEntry.notice("chat reset at user request")), chat(first).history());
  }

  @Test
  void twentyMinutesWithoutPostsResetTheChat() {
    net.join("a", null);
    net.post("a", "anyone?");
    net.elapse(20 * MINUTE - 1);
    assertEquals(1, chat(first).history().size());
    net.elapse(1);
    assertEquals(List.of(ChatEntry.notice("chat reset due to inactivity")), chat(first).history());
  }

  @Test
  void aLaterPostPostponesTheInactivityReset() {
    net.join("a", null);
    net.post("a", "first");
    net.elapse(10 * MINUTE);
    net.post("a", "second");
    net.elapse(10 * MINUTE);
    assertEquals(2, chat(first).history().size(), "the first post's timer found a later post");
    net.elapse(10 * MINUTE);
    assertEquals(List.of(ChatEntry.notice("chat reset due to inactivity")), chat(first).history());
  }

  @Test
  void postsAreFoundByViewOrByPerson() {
    net.join("a", "ann");
    net.post("a", "hi");
    net.exit("a");
    net.join("a2", "ann");
    ChatModel model = chat(first);
    assertTrue(model.hasPostsBy("a2", "ann"), "the same person in a new window");
    assertFalse(model.hasPostsBy("a2", "someone else"));
    assertTrue(model.hasPostsBy("a", null));
  }

  @Test
  void settersRefuseViewCode() {
    net.join("a", null);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> chat(first).addToHistory(ChatEntry.notice("forged")));
    assertTrue(e.getMessage().contains("publish input:newPost"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> chat(first).resetHistory("forged"));
    assertEquals(0, chat(first).history().size());
  }
}
