package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.flamingo.core.Registry;
import dev.flamingo.core.snapshot.SnapshotCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replicas fed the same reflected stream end bit-identical, however their client steps them (time
 * budgets, tick times), and a replica restored from a snapshot taken at a random point ends identical
 * to the ones that ran throughout. The stream is random but seeded, one per test case.
 */
class ReplicaTest {
  static final Registry REGISTRY = Registry.builder()
      .register("w.Workload", WorkloadModel.class)
      .register("w.Agent", AgentModel.class)
      .build();

  private static final SnapshotCodec CODEC = new SnapshotCodec(REGISTRY.types());

  private record Timed(long time, long seq, ExternalMessage message) {}

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946})
  void replicasAndARestoredReplicaEndIdentical(long seed) {
    Random random = new Random(seed);
    List<Timed> stream = stream(random, 400);
    List<Replica> replicas = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      TestHost host = new TestHost();
      replicas.add(new Replica(VirtualMachine.create(REGISTRY, "replica-" + seed, WorkloadModel.class, null, null,
          host), host, new Random(seed * 31 + i), i));
    }
    int restoreAt = random.nextInt(stream.size());
    Replica restored = null;
    for (int k = 0; k < stream.size(); k++) {
      for (Replica replica : replicas) {
        replica.feed(stream.get(k));
      }
      if (restored != null) {
        restored.feed(stream.get(k));
      }
      if (k == restoreAt) {
        Replica source = replicas.get(0);
        source.vm.advanceTo(stream.get(k).time);
        TestHost host = new TestHost();
        VirtualMachine copy = VirtualMachine.restore(REGISTRY, source.vm.snapshot().bytes(), host);
        restored = new Replica(copy, host, new Random(seed), 3);
      }
    }
    long end = stream.get(stream.size() - 1).time + 1000;
    replicas.add(restored);
    List<String> hashes = new ArrayList<>();
    for (Replica replica : replicas) {
      replica.vm.advanceTo(end);
      hashes.add(replica.vm.snapshot().sha256());
    }
    assertEquals(List.of(hashes.get(0), hashes.get(0), hashes.get(0), hashes.get(0)), hashes);
    // Snapshots taken inside accepted polls, at VM time, agree too (the restored one saw only the later polls).
    List<String> polled = replicas.get(0).polled;
    assertFalse(polled.isEmpty(), "the stream contained accepted snapshot polls");
    assertEquals(polled, replicas.get(1).polled);
    assertEquals(polled, replicas.get(2).polled);
    List<String> late = replicas.get(3).polled;
    assertEquals(polled.subList(polled.size() - late.size(), polled.size()), late);
    WorkloadModel root = (WorkloadModel) replicas.get(0).vm.rootModel();
    assertFalse(root.samples.isEmpty(), "the workload exercised randomness");
  }

  /** A replica with its own client behaviour: random time budgets and extra ticks between messages. */
  private static final class Replica {
    final VirtualMachine vm;
    final Random client;
    final int style;

    final List<String> polled = new ArrayList<>();

    Replica(VirtualMachine vm, TestHost host, Random client, int style) {
      this.vm = vm;
      this.client = client;
      this.style = style;
      host.onPoll = () -> polled.add(vm.capture().sha256());
    }

    void feed(Timed timed) {
      if (style == 1 && client.nextBoolean()) {
        vm.advanceTo(timed.time - client.nextInt(3));
      }
      vm.schedule(timed.time, timed.seq, timed.message);
      if (style == 2) {
        // Tiny budgets: one message per call, the rest left for later calls or the next feed.
        while (!vm.advanceTo(timed.time, System.nanoTime() - 1)) {
          if (client.nextInt(4) == 0) {
            return;
          }
        }
      } else {
        vm.advanceTo(timed.time);
      }
    }
  }

  private static List<Timed> stream(Random random, int count) {
    List<Timed> stream = new ArrayList<>();
    long time = 0;
    long seq = Seq.INITIAL;
    List<String> present = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      time += random.nextInt(4) == 0 ? 0 : random.nextInt(120);
      seq = Seq.next(seq);
      stream.add(new Timed(time, seq, message(random, present)));
    }
    return stream;
  }

  private static ExternalMessage message(Random random, List<String> present) {
    int kind = random.nextInt(10);
    if (kind == 0) {
      return peers(random, present);
    }
    if (kind == 1) {
      return random.nextBoolean() ? new ExternalMessage.Noop() : new ExternalMessage.SnapshotPoll();
    }
    String event = kind < 4 ? "spawn" : kind < 6 ? "kill" : "poke";
    return new ExternalMessage.ModelEvent("w", event, CODEC.encode(random.nextInt(100), value -> null));
  }

  private static ExternalMessage peers(Random random, List<String> present) {
    if (!present.isEmpty() && random.nextBoolean()) {
      String gone = present.remove(random.nextInt(present.size()));
      return new ExternalMessage.Peers(List.of(), List.of(gone), present.size());
    }
    String viewId = "v" + random.nextInt(6);
    present.add(viewId);
    return new ExternalMessage.Peers(List.of(new ExternalMessage.Peer(viewId, null)), List.of(), present.size());
  }
}
