package dev.flamingo.fx.widgets;

import dev.flamingo.fx.JoinLink;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The session's join link in a read-only field with a Copy button, so a user can invite someone by pasting
 * it (see {@link JoinLink#parse}). Thread rule: FX Application Thread only.
 */
public final class JoinLinkBox extends HBox {
  private final TextField field = new TextField();
  private final Button copy = new Button("Copy link");

  /** Builds the box for {@code link}. */
  public JoinLinkBox(JoinLink link) {
    super(4);
    field.setEditable(false);
    field.setText(link.toString());
    field.setId("join-link");
    copy.setId("copy-link");
    copy.setOnAction(e -> copyToClipboard());
    HBox.setHgrow(field, Priority.ALWAYS);
    getChildren().addAll(field, copy);
  }

  /** Puts the link on the system clipboard. */
  public void copyToClipboard() {
    ClipboardContent content = new ClipboardContent();
    content.putString(field.getText());
    Clipboard.getSystemClipboard().setContent(content);
  }

  /** The link text shown. */
  public String linkText() {
    return field.getText();
  }
}
