package dev.flamingo.testkit.readme;

import dev.flamingo.core.DataHandle;
import dev.flamingo.core.Model;
import dev.flamingo.core.Registry;
import dev.flamingo.core.View;
import dev.flamingo.fx.SessionWindow;
import dev.flamingo.testkit.TallyModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javafx.stage.Stage;

/**
 * What README samples take from their surroundings: a marker's {@code in Name} makes the wrapped sample
 * extend {@code Scaffolds.Name} (and import its static members), so the fields, methods and nested stand-in
 * types below are in scope. Most are only compiled, never run; those that samples marked {@code run} use
 * work for real. Any thread.
 */
public final class Scaffolds {
  private Scaffolds() {}

  /** Every wrapped sample: {@link #sample()} holds its statements. Thread: the caller's. */
  public interface Body {
    /** Runs the sample's statements. */
    void sample() throws Exception;
  }

  /** Inside a view, for the reflected events sample: it keeps the tallies it sees. Compiled only; view thread. */
  public abstract static class Dice extends View {
    protected final List<String> tallies = new ArrayList<>();

    protected Dice() {
      super(null); // never constructed: a view needs a running session
    }
  }

  /** A view of a gallery model that keeps data handles, for the Data sample. Compiled only; view thread. */
  public abstract static class Gallery extends View {
    protected GalleryModel model;

    protected Gallery() {
      super(null); // never constructed: a view needs a running session
    }

    protected void show(byte[] bytes) {}

    /** Keeps the handles of shared pictures. Thread: the model's. */
    public static class GalleryModel extends Model {
      public List<DataHandle> handles() {
        return List.of();
      }
    }
  }

  /** The headless counter app that "Joining a session" joins. Compiled only; any thread. */
  public static class Join {
    /** The counter's model. Thread: the model's. */
    public static class CounterModel extends Model {}

    /** The counter's root view. Thread: the view's. */
    public static class CounterView extends View {
      public CounterView(CounterModel model) {
        super(model);
      }
    }
  }

  /** The JavaFX sample's stage, registry and model. Compiled only; FX Application Thread. */
  public static class Window {
    protected Stage stage;
    protected Registry registry;

    /** A count and a log of what happened. Thread: the model's. */
    public static class Counter extends Model {
      public int count() {
        return 0;
      }

      public List<String> log() {
        return List.of();
      }
    }
  }

  /** A fresh data directory for the embedding sample, deleted by {@link #close()}. Runs; one thread. */
  public static class Reflector implements AutoCloseable {
    protected final Path dir;

    protected Reflector() {
      try {
        dir = Files.createTempDirectory("readme-reflector-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  /** The testkit's tally app ({@link TallyModel}, {@code TallyView}) that "Testing your app" tests. Any thread. */
  public static class Testing {
    public static final Registry REGISTRY = Registry.builder().register("testkit.Tally", TallyModel.class).build();
  }

  /** The hello sample's {@code Hello.open}, for the UI testing sample. Compiled only; the test thread. */
  public static class Windows {
    /** Stands in for {@code dev.flamingo.samples.hello.Hello}, a runnable jar we cannot depend on; FX thread. */
    public static final class Hello {
      private Hello() {}

      public static SessionWindow open(Stage stage, URI reflector, String session, String password) {
        throw new UnsupportedOperationException("compiled, never run");
      }
    }
  }
}
