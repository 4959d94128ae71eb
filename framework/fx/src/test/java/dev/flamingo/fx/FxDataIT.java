package dev.flamingo.fx;

import static dev.flamingo.fx.testing.SessionWindows.await;
import static dev.flamingo.fx.testing.SessionWindows.fx;
import static dev.flamingo.fx.testing.SessionWindows.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.core.Registry;
import dev.flamingo.fx.testing.SessionWindows;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An FxView reaches the Data API through {@code Session.of(this)}; in a window the futures complete on the FX
 * Application Thread, so the view sets labels from them directly.
 */
class FxDataIT {
  private static final Registry REGISTRY = Registry.builder().register("fxtest.Album", AlbumModel.class).build();

  @RegisterExtension
  final SessionWindows windows = new SessionWindows();
  private final List<String> offFx = new CopyOnWriteArrayList<>();

  @Test
  void anFxViewStoresPublishesAndFetchesOnTheFxThread() throws Exception {
    SessionWindow window = windows.open((stage, reflector, session) -> SessionWindow.open(stage,
        JoinParameters.builder().appId("dev.flamingo.fxtest").name(session).password("pw").registry(REGISTRY)
            .model(AlbumModel.class).reflector(reflector), (m, status) -> new AlbumView((AlbumModel) m)));
    fx(() -> {
      ((Button) window.stage().getScene().lookup("#store")).fire();
      return null;
    });
    await(() -> text(window, "#fetched").equals("fetched 4096 bytes"));
    assertEquals(List.of(), offFx, "future continuations that ran off the FX Application Thread");
  }

  /** Stores on a click; when the model reports the handle, fetches it and shows the size. */
  private final class AlbumView extends FxView<AlbumModel> {
    private final Label fetched = new Label("none");

    AlbumView(AlbumModel model) {
      super(model);
      fetched.setId("fetched");
      Button store = new Button("store");
      store.setId("store");
      handle(store, ActionEvent.ACTION, e -> Session.of(this).data().store(new byte[4096]).thenAccept(handle -> {
        checkFx("store");
        send("album", "add", handle);
      }));
      subscribe("album", "added", () -> Session.of(this).data().fetch(model.latest()).thenAccept(bytes -> {
        checkFx("fetch");
        fetched.setText("fetched " + bytes.length + " bytes");
      }));
      setNode(new VBox(fetched, store));
    }

    private void checkFx(String what) {
      if (!Platform.isFxApplicationThread()) {
        offFx.add(what + " on " + Thread.currentThread().getName());
      }
    }
  }
}
