package dev.flamingo.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs an operation many times and prints the CPU time of the calling thread (min, median, p90) next to
 * the wall time: on a machine whose cores are busy with other work, wall-clock averages mostly measure
 * waiting for a core, while CPU time stays comparable between runs. Thread rule: the measuring thread.
 */
public final class CpuTime {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTime() {}

  /** Warms up with {@code runs / 2} calls, then measures {@code runs} calls of {@code op}. */
  public static void report(String what, int runs, Supplier<Object> op) {
    for (int i = 0; i < runs / 2; i++) {
      op.get();
    }
    long[] cpu = new long[runs];
    long[] wall = new long[runs];
    for (int i = 0; i < runs; i++) {
      long startCpu = THREADS.getCurrentThreadCpuTime();
      long startWall = System.nanoTime();
      op.get();
      cpu[i] = THREADS.getCurrentThreadCpuTime() - startCpu;
      wall[i] = System.nanoTime() - startWall;
    }
    Arrays.sort(cpu);
    Arrays.sort(wall);
    System.out.printf(Locale.ROOT, "  %-18s cpu ms: min %6.1f  median %6.1f  p90 %6.1f | wall ms: min %6.1f  median %6.1f%n",
        what, cpu[0] / 1e6, cpu[runs / 2] / 1e6, cpu[runs * 9 / 10] / 1e6, wall[0] / 1e6, wall[runs / 2] / 1e6);
  }
}
