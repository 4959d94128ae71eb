package dev.flamingo.client.internal.session;

import dev.flamingo.client.SessionProblem;
import dev.flamingo.client.internal.crypto.Purpose;
import dev.flamingo.client.internal.crypto.RejectedEnvelopeException;
import dev.flamingo.core.vm.CapturedSnapshot;
import dev.flamingo.core.vm.ExternalMessage;
import dev.flamingo.core.vm.HandlerError;
import dev.flamingo.core.vm.VirtualMachine;
import dev.flamingo.core.vm.VmHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Goes beyond Croquet's "the session diverged": finds the first external message after which the replicas'
 * states differed. Each replica keeps the last snapshot all replicas agreed on and every external message
 * since. When a vote splits, each replica replays those messages on a scratch VM (a worker thread), hashing
 * the state after every message, uploads that hash chain (encrypted) and announces it with a
 * {@code DIVERGENCE_REPORT} message; once a chain from every hash group has arrived, the first position
 * where the chains differ names the message. Confined to the session thread, except the worker tasks.
 */
final class DivergenceLocator {

    private static final int MAX_HISTORY = 100_000;

    private record Pending(long time, long seq, List<List<String>> members, List<String> hashes,
            List<MessageConverter.Converted> messages, Map<String, String> reports) {
    }

    private final Controller c;
    private final List<MessageConverter.Converted> since = new ArrayList<>();
    // The last agreed state: restorable bytes, or a capture sealed only if a divergence needs it.
    private Supplier<byte[]> base;
    private long baseSeq;
    private Pending pending;

    DivergenceLocator(Controller controller) {
        this.c = controller;
    }

    void reset(byte[] snapshot, long seq) {
        base = snapshot == null ? null : () -> snapshot;
        baseSeq = seq;
        since.clear();
        pending = null;
    }

    void record(MessageConverter.Converted message) {
        if (since.size() >= MAX_HISTORY) {
            base = null; // too long to replay; wait for the next agreed snapshot
            since.clear();
        }
        since.add(message);
    }

    /** All replicas agreed on {@code captured} at {@code seq}: it becomes the replay base. */
    void agreed(CapturedSnapshot captured, long seq) {
        since.removeIf(m -> ReflectorStream.inSequence(m.seq(), seq));
        base = () -> captured.seal().bytes();
        baseSeq = seq;
    }

    /** A vote split at {@code time}/{@code seq}: replay, upload this replica's hash chain and announce it. */
    void diverged(long time, long seq, List<List<String>> members, List<String> hashes) {
        if (base == null || pending != null) {
            return;
        }
        List<MessageConverter.Converted> replay = new ArrayList<>();
        for (MessageConverter.Converted m : since) {
            if (ReflectorStream.inSequence(ReflectorStream.next(baseSeq), m.seq())
                    && ReflectorStream.inSequence(m.seq(), seq)) {
                replay.add(m);
            }
        }
        pending = new Pending(time, seq, members, hashes, List.copyOf(replay), new LinkedHashMap<>());
        Supplier<byte[]> snapshot = base;
        var ids = c.ids();
        String path = String.format(Locale.ROOT, "apps/%s/diverge/%s/%010d_%s", c.parameters().appId(),
                ids.sessionId(), time, c.viewId());
        // A thread of its own, named after this replica, so the replay runs "as" this replica.
        Thread replayer = new Thread(() -> {
            try {
                String chain = hashChain(snapshot.get(), replay);
                byte[] sealed = c.link().envelope().seal(Purpose.SNAPSHOT, ids.sessionId(),
                        chain.getBytes(StandardCharsets.UTF_8));
                String url = c.link().files().put(path, sealed);
                c.post(() -> c.sendFrame(c.link().encoder().send(time,
                        c.seal(Payload.Kind.DIVERGENCE_REPORT, List.of(), url), 0)));
            } catch (IOException | RuntimeException e) {
                c.post(() -> c.problem(new SessionProblem.Warning("cannot locate divergence: " + e)));
            }
        }, "flamingo-replay-" + c.viewId());
        replayer.setDaemon(true);
        replayer.start();
    }

    /** Replays on a scratch VM owned by this worker thread; one line "seq hash" per message. */
    private String hashChain(byte[] snapshot, List<MessageConverter.Converted> replay) {
        VirtualMachine scratch = VirtualMachine.restore(c.parameters().registry(), snapshot,
                new QuietHost(c.viewId()));
        StringBuilder chain = new StringBuilder();
        for (MessageConverter.Converted m : replay) {
            scratch.schedule(m.time(), m.seq(), m.message());
            scratch.advanceTo(m.time());
            chain.append(Long.toHexString(m.seq())).append(' ').append(scratch.capture().sha256()).append('\n');
        }
        return chain.toString();
    }

    /** A replica announced its chain. */
    void report(String viewId, String url) {
        Pending p = pending;
        if (p == null) {
            return;
        }
        p.reports().put(viewId, url);
        List<String> urls = new ArrayList<>();
        for (List<String> group : p.members()) {
            String url0 = group.stream().map(p.reports()::get).filter(u -> u != null).findFirst().orElse(null);
            if (url0 == null) {
                return; // still waiting for a chain from this group
            }
            urls.add(url0);
        }
        pending = null;
        Threads.WORKERS.execute(() -> compare(p, urls));
    }

    private void compare(Pending p, List<String> urls) {
        try {
            List<String[]> chains = new ArrayList<>();
            for (String url : urls) {
                byte[] plain = c.link().envelope().open(Purpose.SNAPSHOT, c.ids().sessionId(),
                        c.link().files().get(url));
                chains.add(new String(plain, StandardCharsets.UTF_8).split("\n"));
            }
            int first = firstDifference(chains);
            long seq = first < 0 ? -1 : p.messages().get(first).seq();
            String what = first < 0 ? null : describe(p.messages().get(first));
            c.post(() -> c.problem(new SessionProblem.Diverged(p.time(), p.members(), p.hashes(), seq, what)));
        } catch (IOException | RejectedEnvelopeException | RuntimeException e) {
            c.post(() -> c.problem(new SessionProblem.Warning("cannot compare divergence chains: " + e)));
        }
    }

    static int firstDifference(List<String[]> chains) {
        int length = chains.stream().mapToInt(chain -> chain.length).min().orElse(0);
        for (int i = 0; i < length; i++) {
            for (String[] chain : chains) {
                if (!chain[i].equals(chains.get(0)[i])) {
                    return i;
                }
            }
        }
        return -1;
    }

    static String describe(MessageConverter.Converted m) {
        ExternalMessage message = m.message();
        String what;
        if (message instanceof ExternalMessage.ModelEvent e) {
            what = "event " + e.scope() + ":" + e.event();
        } else if (message instanceof ExternalMessage.Bundle b) {
            what = "bundle of " + b.events().size() + " events, first " + b.events().get(0).scope() + ":"
                    + b.events().get(0).event();
        } else if (message instanceof ExternalMessage.Peers peers) {
            what = "users entered " + peers.entered().stream().map(ExternalMessage.Peer::viewId).toList()
                    + " exited " + peers.exited();
        } else if (message instanceof ExternalMessage.ReflectedEvent e) {
            what = "reflected event " + e.scope() + ":" + e.event();
        } else if (message instanceof ExternalMessage.ReflectedTally t) {
            what = "tally of reflected " + t.scope() + ":" + t.event() + " (" + t.copies().size() + " copies)";
        } else {
            what = message.getClass().getSimpleName();
        }
        String from = m.payload() == null ? "" : " from view " + m.payload().viewId();
        return what + from + " at " + m.time() + " ms";
    }

    /** The scratch VM's host: replays must not send, vote or report anything. */
    private record QuietHost(String viewId) implements VmHost {
        @Override
        public void sendToReflector(ExternalMessage.ModelEvent event) {
            // a replay never talks to the reflector
        }

        @Override
        public void onHandlerError(HandlerError error) {
            // already reported when the message first ran
        }
    }
}
