package dev.flamingo.fx.widgets;

import java.util.Locale;
import javafx.scene.control.Label;

/** A small badge with the number of people in the session. Thread rule: FX Application Thread only. */
public final class PeopleBadge extends Label {
  private int count = -1;

  /** Builds an empty badge. */
  public PeopleBadge() {
    setId("people-badge");
    setStyle("-fx-background-color: #2b6cb0; -fx-text-fill: white; -fx-padding: 2 8 2 8; -fx-background-radius: 10;");
    setVisible(false);
  }

  /** Shows {@code people} (hidden while negative, i.e. unknown). */
  public void show(int people) {
    if (people == count) {
      return;
    }
    count = people;
    setVisible(people >= 0);
    setText(String.format(Locale.ROOT, people == 1 ? "%d person" : "%d people", people));
  }

  /** The count shown, or −1. */
  public int count() {
    return count;
  }
}
