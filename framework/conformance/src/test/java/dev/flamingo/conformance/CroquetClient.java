package dev.flamingo.conformance;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One unmodified Croquet client in its own Node.js process ({@code croquet-client.mjs}), driven over
 * stdin and observed through the {@code EVT} lines it prints. Thread rule: call from the test thread;
 * a reader thread only appends output.
 */
final class CroquetClient implements AutoCloseable {
  private static final int KEPT_LINES = 200;

  private final String label;
  private final Process process;
  private final Writer stdin;
  private final List<JsonObject> events = new ArrayList<>();
  private final Deque<String> recentOutput = new ArrayDeque<>();
  private boolean outputEnded;

  private CroquetClient(String label, Process process) {
    this.label = label;
    this.process = process;
    this.stdin = process.outputWriter(StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readOutput, "croquet-client-" + label);
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * How a client joins, beyond box and session name; null fields keep Croquet's defaults.
   *
   * @param rejoinLimitMs Croquet's {@code rejoinLimit}
   * @param viewDataJson Croquet's {@code viewData}, as JSON
   * @param codeVersion a value put in Croquet's {@code Constants}, which changes the code hash and so
   *     the session id, but not the persistent id
   */
  record Options(Integer rejoinLimitMs, String viewDataJson, String codeVersion) {
    static final Options DEFAULTS = new Options(null, null, null);

    Options rejoinLimit(int ms) {
      return new Options(ms, viewDataJson, codeVersion);
    }

    Options viewData(String json) {
      return new Options(rejoinLimitMs, json, codeVersion);
    }

    Options codeVersion(String version) {
      return new Options(rejoinLimitMs, viewDataJson, version);
    }

    private List<String> arguments() {
      return List.of(orDash(rejoinLimitMs), orDash(viewDataJson), orDash(codeVersion));
    }

    private static String orDash(Object value) {
      return value == null ? "-" : value.toString();
    }
  }

  /** Starts a client with Croquet's defaults and waits until it has joined. */
  static CroquetClient join(String label, URI box, String name) {
    return join(label, box, name, Options.DEFAULTS);
  }

  /** Starts a client of session {@code name} on the reflector at {@code box} and waits until it has joined. */
  static CroquetClient join(String label, URI box, String name, Options options) {
    List<String> command = new ArrayList<>(List.of("node", "croquet-client.mjs", box.toString(), name));
    command.addAll(options.arguments());
    try {
      Process process = new ProcessBuilder(command).directory(Harness.nodeDir().toFile())
          .redirectErrorStream(true).start();
      CroquetClient client = new CroquetClient(label, process);
      client.await("joined", event -> true);
      return client;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node for client " + label, e);
    }
  }

  String viewId() {
    return await("joined", event -> true).get("viewId").getAsString();
  }

  /** Sends one harness command, e.g. {@code "send 3"}. */
  void command(String line) {
    try {
      stdin.write(line + "\n");
      stdin.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("client " + label + " no longer takes commands\n" + output(), e);
    }
  }

  /** Asks for and returns a fresh report of the model's state. */
  JsonObject state() {
    int seen = count("state");
    command("state");
    return awaitNth("state", seen + 1);
  }

  /** The first event of this kind that matches, waiting up to {@link Harness#PATIENCE} for it. */
  JsonObject await(String kind, Predicate<JsonObject> test) {
    long deadline = System.nanoTime() + Harness.PATIENCE.toNanos();
    synchronized (events) {
      while (true) {
        for (JsonObject event : events) {
          if (event.get("event").getAsString().equals(kind) && test.test(event)) {
            return event;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || outputEnded) {
          throw new AssertionError("client " + label + ": no matching '" + kind + "' event within "
              + Harness.PATIENCE.toSeconds() + " s; its output:\n" + output());
        }
        waitOn(left);
      }
    }
  }

  /** The {@code n}th event of this kind (1 for the first), waiting for it like {@link #await}. */
  JsonObject awaitNth(String kind, int n) {
    return await(kind, event -> positionOf(event) == n);
  }

  /** 1 for the first event of its kind, 2 for the second, ...; by identity, as events may be equal. */
  private int positionOf(JsonObject event) {
    synchronized (events) {
      int position = 0;
      for (JsonObject other : events) {
        if (other.get("event").equals(event.get("event"))) {
          position++;
        }
        if (other == event) {
          return position;
        }
      }
      return -1;
    }
  }

  /** How many events of this kind arrived so far. */
  int count(String kind) {
    synchronized (events) {
      return (int) events.stream().filter(event -> event.get("event").getAsString().equals(kind)).count();
    }
  }

  /** All events of this kind so far, in arrival order. */
  List<JsonObject> all(String kind) {
    synchronized (events) {
      return events.stream().filter(event -> event.get("event").getAsString().equals(kind)).toList();
    }
  }

  /** Ends the process at once, like a crashed client: no leave, the socket just closes. */
  void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** Leaves the session through {@code Session.leave()} and waits for the process to end. */
  void leave() {
    command("leave");
    waitForExit();
  }

  @Override
  public void close() {
    process.destroyForcibly();
    waitForExit();
  }

  /** The client's recent output, for failure messages. */
  String output() {
    synchronized (events) {
      return String.join("\n", recentOutput);
    }
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(Harness.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("client " + label + " did not exit; its output:\n" + output());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for client " + label, e);
    }
  }

  private void waitOn(long nanos) {
    try {
      TimeUnit.NANOSECONDS.timedWait(events, Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(100)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for client " + label, e);
    }
  }

  private void readOutput() {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        synchronized (events) {
          recentOutput.addLast(line);
          if (recentOutput.size() > KEPT_LINES) {
            recentOutput.removeFirst();
          }
          if (line.startsWith("EVT ")) {
            events.add(JsonParser.parseString(line.substring(4)).getAsJsonObject());
          }
          events.notifyAll();
        }
      }
    } catch (IOException e) {
      // The process was killed; the output simply ends.
    } finally {
      synchronized (events) {
        outputEnded = true;
        events.notifyAll();
      }
    }
  }
}
