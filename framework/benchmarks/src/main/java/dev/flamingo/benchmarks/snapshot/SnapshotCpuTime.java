package dev.flamingo.benchmarks.snapshot;

import dev.flamingo.core.snapshot.SnapshotCodec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Measures the snapshot figures as CPU time of the working thread (min, median, p90 over many
 * runs), which stays meaningful on a machine whose cores are busy with other work, where JMH's
 * wall-clock averages mostly measure waiting for a core. Run:
 * {@code java -XX:+AlwaysPreTouch -Xms2g -Xmx2g -cp benchmarks.jar dev.flamingo.benchmarks.snapshot.SnapshotCpuTime [runs]}.
 * Thread rule: main thread only.
 */
public final class SnapshotCpuTime {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private SnapshotCpuTime() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    for (String scenario : new String[] {"objects", "models"}) {
      SnapshotCodec codec = new SnapshotCodec(SnapshotStates.registry());
      Object state = SnapshotStates.build(scenario);
      byte[] encoded = codec.encode(state);
      byte[] compressed = SnapshotCodec.compress(encoded);
      System.out.printf(Locale.ROOT, "%s: %,d bytes encoded, %,d compressed%n", scenario, encoded.length,
          compressed.length);
      report("encode", runs, () -> codec.encode(state));
      report("encode+sha256", runs, () -> SnapshotCodec.sha256(codec.encode(state)));
      report("compress", runs, () -> SnapshotCodec.compress(encoded));
      report("decode", runs, () -> codec.decode(encoded));
      report("decompress+decode", runs, () -> codec.decode(SnapshotCodec.decompress(compressed, Integer.MAX_VALUE - 16)));
    }
  }

  private static void report(String what, int runs, Supplier<Object> op) {
    for (int i = 0; i < runs / 2; i++) {
      op.get(); // warm-up
    }
    long[] cpu = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = THREADS.getCurrentThreadCpuTime();
      op.get();
      cpu[i] = THREADS.getCurrentThreadCpuTime() - start;
    }
    Arrays.sort(cpu);
    System.out.printf(Locale.ROOT, "  %-18s cpu ms: min %6.1f  median %6.1f  p90 %6.1f%n", what, cpu[0] / 1e6,
        cpu[runs / 2] / 1e6, cpu[runs * 9 / 10] / 1e6);
  }
}
