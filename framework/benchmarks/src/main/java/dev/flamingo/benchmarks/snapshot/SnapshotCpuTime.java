package dev.flamingo.benchmarks.snapshot;

import static dev.flamingo.benchmarks.CpuTime.report;

import dev.flamingo.core.snapshot.SnapshotCodec;
import java.util.Locale;

/**
 * Measures the codec's snapshot figures as CPU time of the working thread (see {@link
 * dev.flamingo.benchmarks.CpuTime}), which stays meaningful on a machine whose cores are busy with
 * other work, where JMH's wall-clock averages mostly measure waiting for a core. Run:
 * {@code java -XX:+AlwaysPreTouch -Xms2g -Xmx2g -cp benchmarks.jar dev.flamingo.benchmarks.snapshot.SnapshotCpuTime [runs]}.
 * Thread rule: main thread only.
 */
public final class SnapshotCpuTime {

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
      report("encodeSealed", runs, () -> codec.encodeSealed(state));
      report("decode", runs, () -> codec.decode(encoded));
      report("decompress+decode", runs, () -> codec.decode(SnapshotCodec.decompress(compressed, Integer.MAX_VALUE - 16)));
    }
  }
}
