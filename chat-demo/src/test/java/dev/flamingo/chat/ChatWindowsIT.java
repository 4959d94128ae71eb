package dev.flamingo.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.DebugFlag;
import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.fx.SessionWindow;
import dev.flamingo.reflector.ReflectorServer;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Chat windows on a real reflector on 127.0.0.1, headless: posting, nicknames, counts, late join, /reset. */
class ChatWindowsIT {
  private final FxRobot robot = new FxRobot();
  private final List<SessionWindow> windows = new ArrayList<>();
  private ReflectorServer reflector;
  private String session;
  @TempDir
  Path dataDir;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void startReflector() {
    reflector = ReflectorServer.builder().host("127.0.0.1").port(0).dataDir(dataDir).build().start();
    session = "it-" + System.nanoTime();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (SessionWindow window : windows) {
      fx(() -> window.close()).get(5, TimeUnit.SECONDS);
      fx(() -> {
        window.stage().close();
        return null;
      });
    }
    reflector.close();
  }

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
    closeEverything();
    SessionWindow again = open("ann");
    await(() -> posts(again).equals(before));
  }

  @Test
  void aNewcomerAloneWithSomeoneElsesHistoryResetsIt() throws Exception {
    SessionWindow ann = open("ann");
    type(ann, "ann was here");
    await(() -> posts(ann).size() == 2);
    closeEverything();
    SessionWindow dan = open("dan");
    await(() -> posts(dan).equals(List.of("chat reset for new participants")));
  }

  @Test
  void debugWriteNamesTheFieldAViewWrote() throws Exception {
    SessionWindow window = fx(() -> SessionWindow.open(new Stage(), JoinParameters.builder().appId(Chat.APP_ID)
        .name(session).password("secret").registry(Chat.registry()).model(ChatModel.class)
        .reflector(reflector.websocketUri()).debug(DebugFlag.WRITE),
        (model, status) -> new ChatView((ChatModel) model, status)));
    windows.add(window);
    Session joined = window.joined().get(30, TimeUnit.SECONDS);
    await(() -> fx(() -> window.host().stepCount()) > 2);
    // A buggy view: it changes model state directly instead of publishing an event.
    Field participants = ChatModel.class.getDeclaredField("participants");
    participants.setAccessible(true);
    participants.setInt(joined.model(), 99);
    await(() -> fx(() -> window.frame().fatalPane().titleText()).equals("Session stopped"));
    String detail = fx(() -> window.frame().fatalPane().detailText());
    assertTrue(detail.contains(joined.model() + ".participants"), detail);
  }

  /** Closes every window and restarts the reflector on its data, so the next window is alone for sure. */
  private void closeEverything() throws Exception {
    closeAll();
    windows.clear();
    reflector = ReflectorServer.builder().host("127.0.0.1").port(0).dataDir(dataDir).build().start();
  }

  private SessionWindow open(String user) throws Exception {
    int slot = windows.size();
    SessionWindow window = fx(() -> {
      Stage stage = new Stage();
      // Side by side, so the robot's clicks land in the window meant.
      SessionWindow opened = ChatWindow.open(stage, new ChatWindow.Config(reflector.websocketUri(), session, "secret", user));
      stage.setX(slot * 640);
      stage.setY(0);
      stage.setWidth(620);
      return opened;
    });
    windows.add(window);
    window.joined().get(30, TimeUnit.SECONDS);
    await(() -> window.stage().getScene().lookup("#textIn") != null);
    return window;
  }

  private void type(SessionWindow window, String text) throws Exception {
    TextField field = fx(() -> (TextField) window.stage().getScene().lookup("#textIn"));
    Button send = fx(() -> (Button) window.stage().getScene().lookup("#sendButton"));
    robot.clickOn(field).write(text);
    robot.clickOn(send);
  }

  /** Puts text in the field directly (the headless robot has no key for every character), then clicks Send. */
  private void paste(SessionWindow window, String text) throws Exception {
    fx(() -> {
      ((TextField) window.stage().getScene().lookup("#textIn")).setText(text);
      return null;
    });
    robot.clickOn(fx(() -> window.stage().getScene().lookup("#sendButton")));
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

  private static String text(SessionWindow window, String id) {
    try {
      return fx(() -> ((Label) window.stage().getScene().lookup(id)).getText());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
  }

  /** A condition over the windows; failing lookups while a window is still joining count as false. */
  private interface Check {
    boolean test() throws Exception;
  }

  private static void await(Check condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
      try {
        return condition.test();
      } catch (IllegalStateException | ClassCastException | NullPointerException notYet) {
        return false;
      }
    });
  }
}
