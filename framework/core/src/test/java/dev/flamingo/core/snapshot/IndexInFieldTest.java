package dev.flamingo.core.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexInFieldTest {

  /** Stands in for Model: keeps the encoder's note of its index. */
  static class Node {
    transient long index;
    String name;
    Node next;
  }

  /** A subclass registered after the base was marked. */
  static final class Leaf extends Node {
    int weight;
  }

  private static SnapshotCodec codec(boolean indexed) {
    TypeRegistry types = new TypeRegistry();
    if (indexed) {
      types.indexInField(Node.class, "index");
    }
    return new SnapshotCodec(types.register("i.Node", Node.class).register("i.Leaf", Leaf.class));
  }

  /** Shared and cyclic references among indexed objects, in a list that refers to them again. */
  private static List<Node> graph() {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Node node = i % 3 == 0 ? new Leaf() : new Node();
      node.name = "n" + i;
      nodes.add(node);
    }
    for (int i = 0; i < nodes.size(); i++) {
      nodes.get(i).next = nodes.get((i * 7 + 1) % nodes.size());
    }
    nodes.add(nodes.get(0));
    return nodes;
  }

  @Test
  void notedIndicesWriteTheSameBytesAsTheIdentityTableEveryTime() {
    List<Node> graph = graph();
    byte[] expected = codec(false).encode(graph);
    SnapshotCodec indexed = codec(true);
    assertArrayEquals(expected, indexed.encode(graph));
    // The notes of the first encode must not be taken for the second's.
    assertArrayEquals(expected, indexed.encode(graph));
  }

  @Test
  void sharingAndCyclesSurviveARoundTrip() {
    SnapshotCodec indexed = codec(true);
    @SuppressWarnings("unchecked")
    List<Node> back = (List<Node>) indexed.decode(indexed.encode(graph()));
    assertSame(back.get(0), back.get(50));
    assertSame(back.get(1), back.get(0).next);
    assertSame(back.get(8), back.get(1).next);
    assertEquals("n8", back.get(8).name);
  }

  @Test
  void onlyATransientLongFieldOfAnOpenRegistryWillDo() {
    assertThrows(IllegalArgumentException.class, () -> new TypeRegistry().indexInField(Node.class, "name"));
    assertThrows(IllegalArgumentException.class, () -> new TypeRegistry().indexInField(Node.class, "missing"));
    assertThrows(IllegalStateException.class, () -> new TypeRegistry().freeze().indexInField(Node.class, "index"));
  }
}
