package dev.flamingo.benchmarks.vm;

import dev.flamingo.core.Registry;
import dev.flamingo.core.vm.CapturedSnapshot;
import dev.flamingo.core.vm.ExternalMessage;
import dev.flamingo.core.vm.HandlerError;
import dev.flamingo.core.vm.Snapshot;
import dev.flamingo.core.vm.VirtualMachine;
import dev.flamingo.core.vm.VmHost;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole-VM snapshots of many small models, each with a subscription and a pending future: the part on
 * the model thread ({@code capture}), the rest ({@code seal}: compress and hash) and restoring (issue
 * figures for 100,000 models: capture at most 60 ms, capture plus seal at most 120 ms, restore at most
 * 160 ms). Run: {@code java -jar benchmarks.jar VmSnapshotBenchmark}; on a busy machine compare with
 * {@link VmSnapshotCpuTime}. Thread rule: JMH's benchmark thread only.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// The same heap as SnapshotBenchmark, so the two report comparable figures (see its AlwaysPreTouch note).
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 6, time = 1)
public class VmSnapshotBenchmark {
  @Param("100000")
  public int models;

  private Registry registry;
  private VirtualMachine vm;
  private CapturedSnapshot captured;
  private Snapshot sealed;

  @Setup
  public void setUp() {
    registry = SwarmModel.registry();
    vm = SwarmModel.swarm(registry, models, new QuietHost());
    captured = vm.capture();
    sealed = captured.seal();
  }

  /** Blocks the model thread: the canonical encoding of the whole VM. */
  @Benchmark
  public CapturedSnapshot capture() {
    return vm.capture();
  }

  /** Runs off the model thread: compression and SHA-256. */
  @Benchmark
  public Snapshot seal() {
    return captured.seal();
  }

  /** The whole write in one call, compressing blocks on the common pool while encoding. */
  @Benchmark
  public Snapshot snapshot() {
    return vm.snapshot();
  }

  /** Joining: decompress, decode and attach every model. */
  @Benchmark
  public VirtualMachine restore() {
    return VirtualMachine.restore(registry, sealed.bytes(), new QuietHost());
  }

  /** A host with no views; handler errors would be a benchmark bug. */
  static final class QuietHost implements VmHost {
    @Override
    public String viewId() {
      return "bench";
    }

    @Override
    public void sendToReflector(ExternalMessage.ModelEvent event) {
      throw new IllegalStateException("the benchmark has no views");
    }

    @Override
    public void onHandlerError(HandlerError error) {
      throw new IllegalStateException(error.describe(), error.cause());
    }
  }
}
