package dev.flamingo.chat;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.fx.SessionWindow;
import dev.flamingo.reflector.ReflectorServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * Measures how many pulses a chat message takes to appear in a window after it arrives from the reflector
 * (the "within one pulse" figure). Not a test: run by hand under a display, e.g.
 * {@code xvfb-run mvn -o -q -f chat-demo/pom.xml exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.flamingo.chat.PulseLatencyProbe}. Window A posts; window B logs each RECV (the client's
 * {@code messages} debug output, timed on arrival at B's session thread) and each pulse end; a line appearing
 * in B is timed by a list listener. Prints, per message, the pulses from arrival to display.
 */
public final class PulseLatencyProbe {
  private static final int MESSAGES = 60;

  private PulseLatencyProbe() {}

  /** Runs the measurement and prints the figures. */
  public static void main(String[] args) throws Exception {
    ReflectorServer reflector = ReflectorServer.builder().host("127.0.0.1").port(0).build().start();
    List<Long> arrivals = new CopyOnWriteArrayList<>();
    List<long[]> pulseEnds = Collections.synchronizedList(new ArrayList<>());
    List<long[]> shown = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get();
    SessionWindow a = onFx(() -> ChatWindow.open(new Stage(), config(reflector, "a")));
    a.joined().get(30, TimeUnit.SECONDS);
    SessionWindow b = onFx(() -> SessionWindow.open(new Stage(), JoinParameters.builder().appId(Chat.APP_ID)
        .name("probe").password("secret").registry(Chat.registry()).model(ChatModel.class)
        .viewData(Map.of("user", "b")).reflector(reflector.websocketUri()).debug("messages"),
        (model, status) -> new ChatView((ChatModel) model, status)));
    String bView = b.joined().get(30, TimeUnit.SECONDS).viewId();
    Logger client = Logger.getLogger("dev.flamingo.client");
    client.setUseParentHandlers(false);
    onFx(() -> {
      b.host().addPulseListener(() -> pulseEnds.add(new long[] {b.host().pulseCount(), System.nanoTime()}));
      return null;
    });
    Thread.sleep(1000);
    client.addHandler(new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getMessage().contains(bView + " RECV ")) {
          arrivals.add(System.nanoTime());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
    onFx(() -> {
      VBox lines = (VBox) b.stage().getScene().lookup("#textOut");
      lines.getChildren().addListener((ListChangeListener<Node>) c -> {
        while (c.next()) {
          for (int i = 0; i < c.getAddedSize(); i++) {
            shown.add(new long[] {b.host().pulseCount(), System.nanoTime()});
          }
        }
      });
      return null;
    });
    for (int i = 0; i < MESSAGES; i++) {
      int n = i;
      onFx(() -> {
        ((TextField) a.stage().getScene().lookup("#textIn")).setText("m" + n);
        ((Button) a.stage().getScene().lookup("#sendButton")).fire();
        return null;
      });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (shown.size() <= i && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      Thread.sleep(60 + (i * 37) % 50);
    }
    report(arrivals, pulseEnds, shown);
    onFx(() -> {
      a.close();
      b.close();
      return null;
    });
    reflector.close();
    Platform.exit();
  }

  private static void report(List<Long> arrivals, List<long[]> pulseEnds, List<long[]> shown) {
    int[] histogram = new int[6];
    List<Double> ms = new ArrayList<>();
    int n = Math.min(arrivals.size(), shown.size());
    for (int i = 0; i < n; i++) {
      long arrived = arrivals.get(i);
      long completedBefore;
      synchronized (pulseEnds) {
        completedBefore = pulseEnds.stream().filter(p -> p[1] < arrived).mapToLong(p -> p[0]).max().orElse(0);
      }
      int pulses = (int) (shown.get(i)[0] - completedBefore);
      histogram[Math.min(pulses, 5)]++;
      ms.add((shown.get(i)[1] - arrived) / 1e6);
    }
    Collections.sort(ms);
    System.out.println("messages measured: " + n + " (arrivals " + arrivals.size() + ", shown " + shown.size() + ")");
    System.out.println("shown in the pulse running or starting at arrival (1), the one after (2), ...: "
        + java.util.Arrays.toString(histogram) + " for pulses 0..5+");
    System.out.printf(java.util.Locale.ROOT, "arrival to on screen (scene graph updated): median %.1f ms, p90 %.1f ms, max %.1f ms%n",
        ms.get(ms.size() / 2), ms.get(ms.size() * 9 / 10), ms.get(ms.size() - 1));
  }

  private static ChatWindow.Config config(ReflectorServer reflector, String user) {
    return new ChatWindow.Config(reflector.websocketUri(), "probe", "secret", user);
  }

  private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        result.complete(work.call());
      } catch (Exception e) {
        result.completeExceptionally(e);
      }
    });
    return result.get(30, TimeUnit.SECONDS);
  }
}
