package dev.flamingo.fx;

import dev.flamingo.core.vm.ExternalMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: an in-process sequencer for {@link LocalReplica}s, giving every message a time and a seq and
 * handing it to every joined replica; a joining replica first receives the whole log (a full replay). Any thread.
 */
final class LoopbackReflector {
  private final long start = System.nanoTime();
  private final List<Reflected> log = new ArrayList<>();
  private final List<LocalReplica> replicas = new ArrayList<>();
  private long seq = 0xFFFF_FFF0L;

  record Reflected(long time, long seq, ExternalMessage message) {}

  synchronized void join(LocalReplica replica) {
    log.forEach(replica::receive);
    replicas.add(replica);
    broadcast(new ExternalMessage.Peers(List.of(new ExternalMessage.Peer(replica.viewId(), null)), List.of(),
        replicas.size()));
  }

  synchronized void leave(LocalReplica replica) {
    replicas.remove(replica);
    broadcast(new ExternalMessage.Peers(List.of(), List.of(replica.viewId()), replicas.size()));
  }

  synchronized void broadcast(ExternalMessage message) {
    seq = (seq + 1) & 0xFFFF_FFFFL;
    long time = Math.max(log.isEmpty() ? 0 : log.get(log.size() - 1).time(), (System.nanoTime() - start) / 1_000_000L);
    Reflected reflected = new Reflected(time, seq, message);
    log.add(reflected);
    replicas.forEach(r -> r.receive(reflected));
  }

  synchronized int logSize() {
    return log.size();
  }
}
