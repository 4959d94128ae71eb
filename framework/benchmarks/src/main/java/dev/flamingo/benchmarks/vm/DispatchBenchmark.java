package dev.flamingo.benchmarks.vm;

import dev.flamingo.core.Registry;
import dev.flamingo.core.vm.ExternalMessage;
import dev.flamingo.core.vm.HandlerError;
import dev.flamingo.core.vm.VirtualMachine;
import dev.flamingo.core.vm.VmHost;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding and dispatching small reflected messages to a trivial model handler, the way the client
 * feeds them: build the {@link ExternalMessage}, {@code schedule} it, {@code advanceTo} its time.
 * Target: at least 500,000 messages per second. The VM is confined to its thread, hence Scope.Thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DispatchBenchmark {
  private static final int BATCH = 1000;

  private VirtualMachine vm;
  private byte[] intPayload;
  private byte[] pointPayload;
  private long time;
  private long seq = 0xFFFF_FFF0L;

  @Setup
  public void setUp() {
    Registry registry = Registry.builder()
        .register("bench.Counter", CounterModel.class)
        .register("bench.Point", CounterModel.Point.class)
        .build();
    vm = VirtualMachine.create(registry, "bench", CounterModel.class, null, null, new QuietHost());
    intPayload = vm.encodeEvent(42);
    pointPayload = vm.encodeEvent(new CounterModel.Point(3, 4));
  }

  private void send(byte[] payload, String event) {
    seq = (seq + 1) & 0xFFFF_FFFFL;
    vm.schedule(++time, seq, new ExternalMessage.ModelEvent("bench", event, payload));
  }

  /** One message per step, as when the client is caught up. */
  @Benchmark
  public long integerEventOneByOne() {
    send(intPayload, "add");
    vm.advanceTo(time);
    return time;
  }

  /** One record payload per step. */
  @Benchmark
  public long recordEventOneByOne() {
    send(pointPayload, "point");
    vm.advanceTo(time);
    return time;
  }

  /** A backlog of 1000 messages simulated in one step, as during catch-up. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long integerEventBacklog() {
    for (int i = 0; i < BATCH; i++) {
      send(intPayload, "add");
    }
    vm.advanceTo(time, System.nanoTime() + 1_000_000_000L);
    return time;
  }

  /** A host with no view and no reflector: the benchmark handlers never fail. */
  private static final class QuietHost implements VmHost {
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
