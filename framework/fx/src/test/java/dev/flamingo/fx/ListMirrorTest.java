package dev.flamingo.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** The mirror keeps mapped items equal to the source and maps only what changed. */
class ListMirrorTest {
  private final List<String> mapped = new ArrayList<>();
  private final ObservableList<StringBuilder> target = FXCollections.observableArrayList();
  private final ListMirror<String, StringBuilder> mirror = new ListMirror<>(target, s -> {
    mapped.add(s);
    return new StringBuilder(s);
  });

  @Test
  void appendMapsOnlyTheNewItem() {
    mirror.update(List.of("a", "b"));
    StringBuilder a = target.get(0);
    mirror.update(List.of("a", "b", "c"));
    assertEquals(List.of("a", "b", "c"), mapped);
    assertSame(a, target.get(0));
    assertEquals(List.of("a", "b", "c"), texts());
  }

  @Test
  void aRolledBoundedListDropsTheHeadAndMapsTheTail() {
    mirror.update(List.of("a", "b", "c"));
    StringBuilder b = target.get(1);
    mirror.update(List.of("b", "c", "d"));
    assertEquals(List.of("a", "b", "c", "d"), mapped);
    assertSame(b, target.get(0));
    assertEquals(List.of("b", "c", "d"), texts());
  }

  @Test
  void aChangeInTheMiddleRemapsOnlyIt() {
    mirror.update(List.of("a", "b", "c"));
    mirror.update(List.of("a", "x", "c"));
    assertEquals(List.of("a", "b", "c", "x"), mapped);
    assertEquals(List.of("a", "x", "c"), texts());
  }

  @Test
  void resetToSomethingElseAndDuplicatesStayExact() {
    mirror.update(List.of("a", "a", "b"));
    mirror.update(List.of("notice"));
    assertEquals(List.of("notice"), texts());
    mirror.update(List.of("notice", "notice", "a"));
    assertEquals(List.of("notice", "notice", "a"), texts());
    mirror.update(List.of());
    assertEquals(List.of(), texts());
  }

  private List<String> texts() {
    return target.stream().map(StringBuilder::toString).toList();
  }
}
