package dev.flamingo.core.vm;

/**
 * How far a VM is behind the reflector: its time, the latest time it was asked to reach or was given
 * by a scheduled message, and how many external messages wait. Thread rule: immutable.
 *
 * @param time the VM's time
 * @param targetTime the newest reflector time known to the VM
 * @param pendingExternal external messages scheduled but not yet executed
 */
public record Backlog(long time, long targetTime, int pendingExternal) {

  /** Milliseconds of simulation still to run. */
  public long behindMs() {
    return Math.max(0, targetTime - time);
  }

  /** True when nothing is left to simulate. */
  public boolean caughtUp() {
    return pendingExternal == 0 && time >= targetTime;
  }
}
