package dev.flamingo.chat;

import dev.flamingo.fx.FxView;
import dev.flamingo.fx.widgets.SessionStatus;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The tutorial's ChatView in JavaFX: the history, the user's nickname and the number of views, an input
 * field with a Send button; "/reset" resets the chat. Every line is built from {@link Text} nodes, so what a
 * user typed is shown as typed, never interpreted. Thread rule: FX Application Thread only (see {@link FxView}).
 */
public final class ChatView extends FxView<ChatModel> {
  private final SessionStatus status;
  private final String myViewId;
  private final TextField textIn = new TextField();
  private final Button sendButton = new Button("Send");
  private final ScrollPane scroller = new ScrollPane();

  /** Builds the view from the model's current state and, like the tutorial, resets a chat its user never joined in. */
  public ChatView(ChatModel model, SessionStatus status) {
    super(model);
    this.status = status;
    this.myViewId = viewId();
    Label nickname = label("nickname");
    Label viewCount = label("viewCount");
    nickname.textProperty().bind(track("viewInfo", "refresh", () -> "Nickname: " + model.nickname(myViewId)));
    viewCount.textProperty().bind(track("viewInfo", "refresh", () -> "Total Views: " + model.participants()));
    VBox lines = new VBox(2);
    lines.setId("textOut");
    ObservableList<Node> history = trackList("history", "refresh", model::history, ChatView::line);
    Bindings.bindContent(lines.getChildren(), history);
    listen(history, (InvalidationListener) o -> scroller.setVvalue(1.0));
    setNode(layout(nickname, viewCount, lines));
    handle(sendButton, ActionEvent.ACTION, e -> send());
    handle(textIn, ActionEvent.ACTION, e -> send());
    if (model.participants() == 1 && !model.hasPostsBy(myViewId, model.user(myViewId))) {
      publish("input", "reset", "for new participants");
    }
  }

  /** Reports the people count to the session widgets once per frame. */
  @Override
  public void update(long frameTimeMs) {
    status.reportPeople(model().participants());
  }

  private void send() {
    String text = textIn.getText();
    textIn.clear();
    if (text.equals("/reset")) {
      send("input", "reset", "at user request");
    } else {
      send("input", "newPost", new Post(myViewId, text));
    }
  }

  /** One history line: "nickname: text" with the nickname in bold, or a notice in italics. */
  static Node line(ChatEntry entry) {
    if (entry.isNotice()) {
      Text notice = new Text(entry.text());
      notice.setStyle("-fx-font-style: italic;");
      return new TextFlow(notice);
    }
    Text who = new Text(entry.nickname() + ": ");
    who.setStyle("-fx-font-weight: bold;");
    return new TextFlow(who, new Text(entry.text()));
  }

  private Node layout(Label nickname, Label viewCount, VBox lines) {
    Label welcome = new Label("Welcome to Flamingo Chat!");
    welcome.setStyle("-fx-font-weight: bold;");
    VBox content = new VBox(8, welcome, lines);
    content.setPadding(new Insets(8));
    scroller.setContent(content);
    scroller.setFitToWidth(true);
    textIn.setId("textIn");
    textIn.setPromptText("Say something, or /reset");
    sendButton.setId("sendButton");
    HBox input = new HBox(6, textIn, sendButton);
    HBox.setHgrow(textIn, Priority.ALWAYS);
    VBox info = new VBox(2, nickname, viewCount);
    BorderPane pane = new BorderPane(scroller, info, null, input, null);
    pane.setPadding(new Insets(8));
    BorderPane.setMargin(input, new Insets(8, 0, 0, 0));
    return pane;
  }

  private static Label label(String id) {
    Label label = new Label();
    label.setId(id);
    return label;
  }
}
