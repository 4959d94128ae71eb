package dev.flamingo.core.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.snapshot.Fixtures.Holder;
import dev.flamingo.core.snapshot.Fixtures.InstantAdapter;
import dev.flamingo.core.snapshot.Fixtures.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeRegistryTest {

  static class MyList extends ArrayList<String> {}

  enum Mode {
    A {
      @Override
      public String toString() {
        return "a";
      }
    }
  }

  @Test
  void lookupsWorkBothWaysIncludingBuiltinsAndArrays() {
    TypeRegistry registry = Fixtures.CODEC.registry();
    assertEquals("t.Item", registry.idOf(Item.class));
    assertEquals(Item.class, registry.typeOf("t.Item"));
    assertEquals("java.util.ArrayList", registry.idOf(ArrayList.class));
    assertEquals("t.Item[][]", registry.idOf(Item[][].class));
    assertEquals(Item[][].class, registry.typeOf("t.Item[][]"));
    assertNull(registry.idOf(Thread.class));
    assertNull(registry.typeOf("nope"));
    assertEquals(List.of("t.AllFields", "t.Base"), new ArrayList<>(registry.userTypes().keySet()).subList(0, 2));
  }

  @Test
  void reservedDuplicateAndMalformedIdsAreRejected() {
    TypeRegistry r = new TypeRegistry().register("a.Holder", Holder.class);
    assertThrows(IllegalArgumentException.class, () -> r.register("java.Mine", Item.class));
    assertThrows(IllegalArgumentException.class, () -> r.register("a.Holder", Item.class));
    assertThrows(IllegalArgumentException.class, () -> r.register("a.Other", Holder.class));
    assertThrows(IllegalArgumentException.class, () -> r.register("has space", Item.class));
    assertThrows(IllegalArgumentException.class, () -> r.register("x[]", Item.class));
    assertThrows(NullPointerException.class, () -> r.register(null, Item.class));
  }

  @Test
  void jdkClassesAndTheirSubclassesNeedAnAdapter() {
    TypeRegistry r = new TypeRegistry();
    IllegalArgumentException sub = assertThrows(IllegalArgumentException.class, () -> r.register("a.L", MyList.class));
    assertTrue(sub.getMessage().contains("extends the JDK class java.util.ArrayList"), sub.getMessage());
    IllegalArgumentException jdk = assertThrows(IllegalArgumentException.class, () -> r.register("a.I", Instant.class));
    assertTrue(jdk.getMessage().contains("register a TypeAdapter"), jdk.getMessage());
    r.register("a.I", Instant.class, new InstantAdapter());
  }

  @Test
  void enumConstantBodiesAndLambdasCannotBeRegistered() {
    TypeRegistry r = new TypeRegistry();
    assertThrows(IllegalArgumentException.class, () -> r.register("a.ModeA", Mode.A.getClass()));
    Runnable lambda = () -> { };
    assertThrows(IllegalArgumentException.class, () -> r.register("a.Lambda", lambda.getClass()));
    assertThrows(IllegalArgumentException.class, () -> r.register("a.Ints", int[].class));
  }

  @Test
  void frozenRegistryRejectsRegistration() {
    TypeRegistry r = new TypeRegistry();
    new SnapshotCodec(r);
    assertTrue(r.isFrozen());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.register("a.Item", Item.class));
    assertTrue(e.getMessage().contains("frozen"), e.getMessage());
  }
}
