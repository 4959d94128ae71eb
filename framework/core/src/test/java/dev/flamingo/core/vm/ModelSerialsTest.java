package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.Model;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Models named by serial in the snapshot's future queue and subscription table. */
class ModelSerialsTest {
  @BeforeAll
  static void steps() {
    Steps.define("serials.kids", m -> {
      m.doCreate(ChildModel.class, "first");
      m.doCreate(ChildModel.class, "second");
      m.doCreate(ChildModel.class, "third");
    });
    Steps.define("serials.destroyFirst", m -> ((ChildModel) m.wellKnownModel("first")).doDestroy());
  }

  @Test
  void onlyCanonicalIdsHaveASerial() {
    assertEquals(1, ModelSerials.parse("M1"));
    assertEquals(120, ModelSerials.parse("M120"));
    assertEquals(Long.MAX_VALUE, ModelSerials.parse("M" + Long.MAX_VALUE));
    for (String id : new String[] {"M9223372036854775808", "M0", "M01", "m1", "M", "", "M1x", "M-1", "M+1", "_"}) {
      assertEquals(-1, ModelSerials.parse(id), id);
    }
    assertEquals(-1, ModelSerials.parse(null));
  }

  @Test
  void theIndexFindsModelsAcrossGapsAndRefusesOutOfOrderIds() {
    VirtualMachine vm = vmWithKids();
    List<Model> models = new ArrayList<>(vm.runtime().state().models.values()); // M1, M3, M4: M2 was destroyed
    ModelSerials.Index index = new ModelSerials.Index(models.size());
    models.forEach(model -> assertTrue(index.add(model)));
    assertSame(models.get(0), index.find(1));
    assertSame(models.get(1), index.find(3));
    assertSame(models.get(2), index.find(4));
    assertNull(index.find(2));
    assertNull(index.find(5));
    assertNull(index.find(-3));
    assertEquals(4, index.last());
    assertFalse(index.add(models.get(1)), "M3 after M4");
  }

  @Test
  void futuresAndSubscriptionsOfModelsAfterADestroyedOneSurviveARestore() {
    VirtualMachine a = Fixtures.vm(new TestHost());
    Stream sa = withKids(a);
    VirtualMachine b = VirtualMachine.restore(Fixtures.REGISTRY, a.snapshot().bytes(), new TestHost());
    Stream sb = new Stream(b);
    SnapshotTest.skipTo(sb, sa.seq());
    for (Stream s : List.of(sa, sb)) {
      s.event(100, "child", "ping", "x").tick(200);
    }
    for (String kid : List.of("second", "third")) {
      List<String> seen = ((ChildModel) b.rootModel().wellKnownModel(kid)).seen;
      assertEquals(((ChildModel) a.rootModel().wellKnownModel(kid)).seen, seen);
      assertTrue(seen.contains("ping x @100") && seen.contains("tick @105"), seen.toString());
    }
    assertEquals(a.snapshot().sha256(), b.snapshot().sha256());
  }

  @Test
  void aSubscriptionOfAModelMissingFromTheTableIsCorrupt() {
    ModelSubscriptions subscriptions = vmWithKids().runtime().state().subscriptions;
    subscriptions.beforeEncode();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> subscriptions.afterDecode(new ModelSerials.Index(0)));
    assertEquals("corrupt snapshot: the subscription table is invalid: a handler names model serial 1,"
        + " which is not in the model table", e.getMessage());
  }

  @Test
  void aModelTableBeyondTheModelCountIsCorrupt() {
    // Otherwise the next model created would get the id of one in the table.
    VmState state = vmWithKids().runtime().state();
    state.beforeEncode();
    state.modelCount = 3;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, state::afterDecode);
    assertEquals("corrupt snapshot: the model table lists model M4 but only 3 models were created", e.getMessage());
  }

  /** The root M1 and kids M3 and M4; M2 was destroyed. */
  private static VirtualMachine vmWithKids() {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    withKids(vm);
    return vm;
  }

  private static Stream withKids(VirtualMachine vm) {
    return new Stream(vm).event(5, "test", "run", "serials.kids").event(6, "test", "run", "serials.destroyFirst");
  }
}
