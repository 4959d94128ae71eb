package dev.flamingo.chat;

import static dev.flamingo.fx.testing.SessionWindows.await;
import static dev.flamingo.fx.testing.SessionWindows.centre;
import static dev.flamingo.fx.testing.SessionWindows.fx;
import static dev.flamingo.fx.testing.SessionWindows.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.DebugFlag;
import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.fx.SessionWindow;
import dev.flamingo.fx.testing.SessionWindows;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Chat windows on a real reflector on 127.0.0.1, headless: posting, nicknames, counts, late join, /reset. */
class ChatWindowsIT {
  @RegisterExtension
  final SessionWindows windows = new SessionWindows();
  private final FxRobot robot = new FxRobot();

  @Test
  void twoWindowsExchangeMessagesAndSeeNicknamesAndCounts() throws Exception {
    SessionWindow ann = open("ann");
    SessionWindow bob = open("bob");
    await(() -> text(ann, "#viewCount").equals("Total Views: 2") && text(bob, "#viewCount").equals("Total Views: 2"));
    String annNick = text(ann, "#nickname").substring("Nickname: ".length());
    String bobNick = text(bob, "#nickname").substring("Nickname: ".length());
    type(ann, "hello from ann");
    paste(bob, "<b>not bold</b>");
    // The first window found itself alone in a chat it never posted in, and reset it (the tutorial's rule).
    List<String> expected = List.of("chat reset for new participants", annNick + ": hello from ann",
        bobNick + ": <b>not bold</b>");
    await(() -> posts(ann).equals(expected) && posts(bob).equals(expected));
    assertEquals("2 people", fx(() -> ann.frame().badge().getText()));
  }

  @Test
  void aLateWindowShowsTheHistory() throws Exception {
    SessionWindow ann = open("ann");
    type(ann, "first");
    type(ann, "second");
    await(() -> posts(ann).size() == 3);
    SessionWindow late = open("carl");
    await(() -> posts(late).equals(posts(ann)) && text(late, "#viewCount").equals("Total Views: 2"));
    assertTrue(posts(late).get(2).endsWith(": second"), posts(late).toString());
  }

  @Test
  void slashResetEmptiesBothWindows() throws Exception {
    SessionWindow ann = open("ann");
    SessionWindow bob = open("bob");
    type(ann, "soon gone");
    await(() -> posts(bob).stream().anyMatch(p -> p.endsWith("soon gone")));
    type(bob, "/reset");
    List<String> reset = List.of("chat reset at user request");
    await(() -> posts(ann).equals(reset) && posts(bob).equals(reset));
  }

  @Test
  void closingEveryWindowAndStartingAgainShowsTheSameHistory() throws Exception {
    SessionWindow ann = open("ann");
    type(ann, "kept");
    await(() -> posts(ann).size() == 2);
    List<String> before = posts(ann);
    windows.restart();
    SessionWindow again = open("ann");
    await(() -> posts(again).equals(before));
  }

  @Test
  void aNewcomerAloneWithSomeoneElsesHistoryResetsIt() throws Exception {
    SessionWindow ann = open("ann");
    type(ann, "ann was here");
    await(() -> posts(ann).size() == 2);
    windows.restart();
    SessionWindow dan = open("dan");
    await(() -> posts(dan).equals(List.of("chat reset for new participants")));
  }

  @Test
  void debugWriteNamesTheFieldAViewWrote() throws Exception {
    SessionWindow window = windows.open((stage, reflector, session) -> SessionWindow.open(stage,
        JoinParameters.builder().appId(Chat.APP_ID).name(session).password("secret").registry(Chat.registry())
            .model(ChatModel.class).reflector(reflector).debug(DebugFlag.WRITE),
        (model, status) -> new ChatView((ChatModel) model, status)));
    Session joined = window.joined().get();
    await(() -> fx(() -> window.host().stepCount()) > 2);
    // A buggy view: it changes model state directly instead of publishing an event.
    Field participants = ChatModel.class.getDeclaredField("participants");
    participants.setAccessible(true);
    participants.setInt(joined.model(), 99);
    await(() -> fx(() -> window.frame().fatalPane().titleText()).equals("Session stopped"));
    String detail = fx(() -> window.frame().fatalPane().detailText());
    assertTrue(detail.contains(joined.model() + ".participants"), detail);
  }

  private SessionWindow open(String user) throws Exception {
    return windows.open((stage, reflector, session) ->
        ChatWindow.open(stage, new ChatWindow.Config(reflector, session, "secret", user)));
  }

  private void type(SessionWindow window, String text) throws Exception {
    robot.targetWindow(window.stage()); // keys go to the target window, which clicking at a point does not set
    robot.clickOn(centre(window, "#textIn")).write(text);
    robot.clickOn(centre(window, "#sendButton"));
  }

  /** Puts text in the field directly (the headless robot has no key for every character), then clicks Send. */
  private void paste(SessionWindow window, String text) throws Exception {
    fx(() -> {
      ((TextField) window.stage().getScene().lookup("#textIn")).setText(text);
      return null;
    });
    robot.clickOn(centre(window, "#sendButton"));
  }

  /** The history lines as shown: "nick: text" for posts, the notice text for notices. */
  private static List<String> posts(SessionWindow window) throws Exception {
    return fx(() -> {
      VBox lines = (VBox) window.stage().getScene().lookup("#textOut");
      List<String> shown = new ArrayList<>();
      for (Node line : lines.getChildren()) {
        StringBuilder s = new StringBuilder();
        ((TextFlow) line).getChildren().forEach(n -> s.append(((Text) n).getText()));
        shown.add(s.toString());
      }
      return shown;
    });
  }
}
