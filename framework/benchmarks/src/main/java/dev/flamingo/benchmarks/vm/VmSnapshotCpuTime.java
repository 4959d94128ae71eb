package dev.flamingo.benchmarks.vm;

import static dev.flamingo.benchmarks.CpuTime.report;

import dev.flamingo.core.Registry;
import dev.flamingo.core.vm.CapturedSnapshot;
import dev.flamingo.core.vm.Snapshot;
import dev.flamingo.core.vm.VirtualMachine;
import java.util.Locale;

/**
 * The figures of {@link VmSnapshotBenchmark} (capture, seal, restore of 100,000 small models) as CPU
 * time of the working thread, for a machine whose cores are busy with other work. Run:
 * {@code java -XX:+AlwaysPreTouch -Xms2g -Xmx2g -cp benchmarks.jar dev.flamingo.benchmarks.vm.VmSnapshotCpuTime [runs]}.
 * Thread rule: main thread only.
 */
public final class VmSnapshotCpuTime {

  private VmSnapshotCpuTime() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    Registry registry = SwarmModel.registry();
    VirtualMachine vm = SwarmModel.swarm(registry, 100_000, new VmSnapshotBenchmark.QuietHost());
    CapturedSnapshot captured = vm.capture();
    Snapshot sealed = captured.seal();
    System.out.printf(Locale.ROOT, "100,000 models: %,d bytes encoded, %,d compressed%n", captured.size(),
        sealed.bytes().length);
    report("capture", runs, vm::capture);
    report("seal", runs, captured::seal);
    report("capture+seal", runs, () -> vm.capture().seal());
    report("snapshot", runs, vm::snapshot);
    report("restore", runs, () -> VirtualMachine.restore(registry, sealed.bytes(), new VmSnapshotBenchmark.QuietHost()));
  }
}
