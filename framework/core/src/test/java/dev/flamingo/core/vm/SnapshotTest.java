package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.Registry;
import dev.flamingo.core.snapshot.SnapshotCodec;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SnapshotTest {
  @BeforeAll
  static void steps() {
    Steps.define("snap.child", m -> m.doCreate(ChildModel.class, "kid"));
    Steps.define("snap.future", m -> m.doFuture(30, "later"));
    Steps.define("snap.random", m -> m.note("r=" + m.doRandom()));
  }

  private static VirtualMachine restore(VirtualMachine vm, TestHost host) {
    return VirtualMachine.restore(Fixtures.REGISTRY, vm.snapshot().bytes(), host);
  }

  @Test
  void restoredReplicaHasTheSameHashAndDoesNotRunInit() {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    new Stream(vm).event(5, "test", "run", "snap.child").event(6, "test", "run", "snap.future");
    VirtualMachine copy = restore(vm, new TestHost());
    assertEquals(vm.snapshot().sha256(), copy.snapshot().sha256());
    assertEquals(List.of("init opts @0"), Fixtures.root(copy).log);
    assertEquals(6, copy.time());
    assertEquals(vm.externalSeq(), copy.externalSeq());
  }

  @Test
  void futuresSubscriptionsAndRandomContinueAfterRestore() {
    VirtualMachine a = Fixtures.vm(new TestHost());
    Stream sa = new Stream(a).event(5, "test", "run", "snap.child").event(6, "test", "run", "snap.future");
    VirtualMachine b = restore(a, new TestHost());
    Stream sb = new Stream(b);
    skipTo(sb, sa.seq());
    for (Stream s : List.of(sa, sb)) {
      s.event(7, "test", "run", "snap.random").event(100, "child", "ping", "x").tick(200);
    }
    assertEquals(Fixtures.root(a).log, Fixtures.root(b).log);
    assertEquals(((ChildModel) a.rootModel().wellKnownModel("kid")).seen, ((ChildModel) b.rootModel().wellKnownModel("kid")).seen);
    assertEquals(a.snapshot().sha256(), b.snapshot().sha256());
  }

  @Test
  void snapshotInOneCallEqualsCaptureThenSeal() {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    new Stream(vm).event(5, "test", "run", "snap.child").event(6, "test", "run", "snap.future");
    Snapshot whole = vm.snapshot();
    Snapshot sealed = vm.capture().seal();
    assertArrayEquals(sealed.bytes(), whole.bytes());
    assertEquals(sealed.sha256(), whole.sha256());
    assertEquals(sealed.time(), whole.time());
    assertEquals(sealed.seq(), whole.seq());
  }

  /** A restored VM expects the seq after the snapshot's; align a fresh Stream helper with it. */
  static void skipTo(Stream stream, long seq) {
    while (stream.seq() != seq) {
      stream.skip();
    }
  }

  @Test
  void reverseIndexIsRebuiltSoDestroyAfterRestoreRemovesEverything() {
    VirtualMachine a = Fixtures.vm(new TestHost());
    Stream sa = new Stream(a).event(5, "test", "run", "snap.child");
    VirtualMachine b = restore(a, new TestHost());
    Steps.define("snap.destroy", m -> ((ChildModel) m.wellKnownModel("kid")).doDestroy());
    Stream sb = new Stream(b);
    skipTo(sb, sa.seq());
    sb.event(10, "test", "run", "snap.destroy");
    sa.event(10, "test", "run", "snap.destroy");
    assertEquals(0, b.runtime().state().subscriptions.countFor("M2"));
    assertEquals(a.snapshot().sha256(), b.snapshot().sha256());
  }

  @Test
  void differentStateGivesADifferentHash() {
    VirtualMachine a = Fixtures.vm(new TestHost());
    VirtualMachine b = Fixtures.vm(new TestHost());
    new Stream(b).event(1, "test", "note", "x");
    assertNotEquals(a.snapshot().sha256(), b.snapshot().sha256());
  }

  @Test
  void payloadsCarryModelsAsReferences() {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    byte[] encoded = vm.encodeEvent(List.of(vm.rootModel(), new Fixtures.Note("hi", 3)));
    List<?> decoded = (List<?>) vm.decodeEvent(encoded);
    assertSame(vm.rootModel(), decoded.get(0));
    assertEquals(new Fixtures.Note("hi", 3), decoded.get(1));
  }

  @Test
  void aSnapshotOnlyRestoresWithTheCodeThatWroteIt() {
    byte[] bytes = Fixtures.vm(new TestHost()).snapshot().bytes();
    // Same classes, so the state decodes; a different constant makes it different code all the same.
    dev.flamingo.core.Registry changed = dev.flamingo.core.Registry.builder()
        .register("test.Log", LogModel.class).register("test.Child", ChildModel.class)
        .register("test.Note", Fixtures.Note.class).constant("changed", true).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VirtualMachine.restore(changed, bytes, new TestHost()));
    assertTrue(e.getMessage().startsWith("snapshot was taken by code version " + Fixtures.REGISTRY.versionId()), e.getMessage());
  }

  @Test
  void aSnapshotOfAnotherFrameworkBuildIsRefusedBeforeDecoding() {
    byte[] encoded = SnapshotCodec.decompress(Fixtures.vm(new TestHost()).snapshot().bytes(), 1 << 20);
    encoded[4] = (byte) (VmTypes.SCHEMA + 1); // the schema, little endian, right after "FLVM"
    Arrays.fill(encoded, 9 + encoded[8], encoded.length, (byte) 0x7F); // a body this build cannot read
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VirtualMachine.restore(Fixtures.REGISTRY, SnapshotCodec.compress(encoded), new TestHost()));
    assertEquals("snapshot has VM schema " + (VmTypes.SCHEMA + 1) + " but this framework build ("
        + Registry.FRAMEWORK_VERSION + ") reads schema " + VmTypes.SCHEMA
        + "; a snapshot only restores with the framework build and code that wrote it", e.getMessage());
  }

  @Test
  void theCodeVersionIsCheckedBeforeDecoding() {
    byte[] encoded = SnapshotCodec.decompress(Fixtures.vm(new TestHost()).snapshot().bytes(), 1 << 20);
    encoded[9] ^= 1; // a character of the versionId
    Arrays.fill(encoded, 9 + encoded[8], encoded.length, (byte) 0x7F);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VirtualMachine.restore(Fixtures.REGISTRY, SnapshotCodec.compress(encoded), new TestHost()));
    assertTrue(e.getMessage().startsWith("snapshot was taken by code version "), e.getMessage());
    assertTrue(e.getMessage().contains("but this registry is " + Fixtures.REGISTRY.versionId()), e.getMessage());
  }

  @Test
  void aSnapshotCannotBeTakenWhileModelCodeRuns() {
    VirtualMachine[] vm = new VirtualMachine[1];
    List<String> refused = new java.util.ArrayList<>();
    vm[0] = Fixtures.vm(new TestHost());
    Steps.define("snap.inside", m -> {
      try {
        vm[0].capture();
      } catch (IllegalStateException e) {
        refused.add(e.getMessage());
      }
    });
    new Stream(vm[0]).event(1, "test", "run", "snap.inside");
    assertEquals(1, refused.size());
    assertTrue(refused.get(0).startsWith("a snapshot is taken between messages"), refused.get(0));
  }

  @Test
  void corruptSnapshotIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> VirtualMachine.restore(Fixtures.REGISTRY, new byte[] {1, 2, 3}, new TestHost()));
  }

  @Test
  void flippedBitsInTheVmTablesFailCleanlyOrRestore() {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    new Stream(vm).event(5, "test", "run", "snap.child").event(6, "test", "run", "snap.future");
    byte[] encoded = SnapshotCodec.decompress(vm.snapshot().bytes(), 1 << 20);
    int header = 9 + (encoded[8] & 0xFF); // "FLVM", schema, length and versionId: checked before decoding
    SplittableRandom random = new SplittableRandom(5);
    for (int trial = 0; trial < 1500; trial++) {
      byte[] corrupt = encoded.clone();
      corrupt[header + random.nextInt(corrupt.length - header)] ^= (byte) (1 << random.nextInt(8));
      try {
        VirtualMachine.restore(Fixtures.REGISTRY, SnapshotCodec.compress(corrupt), new TestHost());
      } catch (IllegalArgumentException expected) {
        // a clean rejection; SnapshotFormatException is one too
      }
    }
  }

  @Test
  void captureCanBeSealedOnAnotherThread() throws Exception {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    CapturedSnapshot captured = vm.capture();
    Snapshot[] sealed = new Snapshot[1];
    Thread worker = new Thread(() -> sealed[0] = captured.seal());
    worker.start();
    worker.join();
    assertEquals(vm.snapshot().sha256(), sealed[0].sha256());
  }
}
