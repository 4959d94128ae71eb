package dev.flamingo.chat;

import java.lang.management.ManagementFactory;

/**
 * With {@code -Dflamingo.startup.trace}, prints each start-up milestone to stderr with the milliseconds since
 * the JVM started, the process's CPU time so far and the thread, to see where the launch time goes. Thread
 * rule: any thread.
 */
final class StartupTrace {
  private static final boolean ON = Boolean.getBoolean("flamingo.startup.trace");

  private StartupTrace() {}

  /** Prints {@code milestone} if tracing is on. */
  static void mark(String milestone) {
    if (ON) {
      // The management beans cost ~50 ms to load, so only when tracing.
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      System.err.printf("startup %5d ms  cpu %5d ms  %-28s [%s]%n", ManagementFactory.getRuntimeMXBean().getUptime(),
          os.getProcessCpuTime() / 1_000_000, milestone, Thread.currentThread().getName());
    }
  }
}
