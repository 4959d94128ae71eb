package dev.flamingo.benchmarks.snapshot;

import dev.flamingo.core.snapshot.SealedEncoding;
import dev.flamingo.core.snapshot.SnapshotCodec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Snapshot write and read of 100,000 small objects in one model, and of 100,000 small models
 * (issue figures: encode at most 30 ms, write with hash at most 60 ms, read at most 80 ms; twice
 * that for models). Run: {@code java -jar benchmarks.jar Snapshot -f 1 -wi 3 -w 1s -i 5 -r 1s}.
 * Thread rule: JMH's benchmark thread only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// AlwaysPreTouch: a long-running client's heap pages are already mapped; without it, the first
// touch of each fresh buffer page (a page fault per 4 KB in this VM) dominates the measurement.
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SnapshotBenchmark {

  @Param({"objects", "models"})
  public String scenario;

  private SnapshotCodec codec;
  private Object state;
  private byte[] encoded;
  private byte[] compressed;

  @Setup(Level.Trial)
  public void setUp() {
    codec = new SnapshotCodec(SnapshotStates.registry());
    state = SnapshotStates.build(scenario);
    encoded = codec.encode(state);
    compressed = SnapshotCodec.compress(encoded);
    System.out.printf("%n%s: %,d bytes encoded, %,d compressed%n", scenario, encoded.length, compressed.length);
  }

  /** The part that blocks the model thread. */
  @Benchmark
  public byte[] encode() {
    return codec.encode(state);
  }

  /** Encode plus the SHA-256 state hash: what a replica needs to vote on its snapshot. */
  @Benchmark
  public byte[] encodeAndHash() {
    return SnapshotCodec.sha256(codec.encode(state));
  }

  /**
   * The whole write: encode, hash and compress in one call, which deflates finished blocks on the
   * common pool while encoding goes on.
   */
  @Benchmark
  public SealedEncoding encodeHashCompress() {
    return codec.encodeSealed(state);
  }

  /** Off-thread part alone: hashing the encoding. */
  @Benchmark
  public byte[] hash() {
    return SnapshotCodec.sha256(encoded);
  }

  /** Off-thread part alone: compressing the encoding. */
  @Benchmark
  public byte[] compress() {
    return SnapshotCodec.compress(encoded);
  }

  /** Reading back from the uncompressed encoding. */
  @Benchmark
  public Object decode() {
    return codec.decode(encoded);
  }

  /** Reading back from the compressed snapshot as downloaded. */
  @Benchmark
  public Object decompressAndDecode() {
    return codec.decode(SnapshotCodec.decompress(compressed, Integer.MAX_VALUE - 16));
  }
}
