package dev.flamingo.client.internal.session;

import dev.flamingo.client.DebugFlag;
import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.internal.crypto.Purpose;
import dev.flamingo.client.internal.crypto.RejectedEnvelopeException;
import dev.flamingo.client.internal.ids.SessionIds;
import dev.flamingo.client.internal.wire.Inbound;
import dev.flamingo.core.Registry;
import dev.flamingo.core.vm.VirtualMachine;
import java.io.IOException;

/**
 * Handles each SYNC, Croquet's join and rejoin: when it continues the stream without a gap the same VM and view
 * go on (seamless rejoin); otherwise the replica reboots: SYNC's messages are queued, the snapshot (or persisted
 * data) is fetched on a worker, opened, and the VM restored from it (or the root model created) and handed to
 * the controller to fast-forward. Confined to the replica's owner, except the fetch it starts on a worker.
 */
final class SyncHandler {

    private final Controller c;
    private final JoinParameters params;
    private final Registry registry;
    private final SessionIds ids;
    /** Counts SYNCs, so a fetch that finishes after a newer SYNC is dropped. */
    private int generation;

    SyncHandler(Controller controller) {
        this.c = controller;
        this.params = controller.parameters();
        this.registry = params.registry();
        this.ids = controller.ids();
    }

    void sync(Inbound.Sync sync) {
        if (!c.link().synced(sync)) {
            return;
        }
        c.stream().syncArrived(sync);
        if (c.vm() != null && c.stream().continues(sync)) {
            rejoinSeamlessly(sync);
            return;
        }
        if (c.vm() != null) {
            c.debug(DebugFlag.SESSION, () -> "rejoin not seamless: rebooting from the reflector's state");
            c.tearDown();
        }
        c.stream().restart(sync);
        int current = ++generation;
        if (sync.url() == null) {
            install(null, false, current);
        } else {
            fetch(sync, current);
        }
    }

    private void rejoinSeamlessly(Inbound.Sync sync) {
        c.link().cancelRejoin();
        c.link().syncCompleted();
        c.stream().resume(sync);
        c.outbox().flush();
        c.simulation().afterInput();
    }

    private void fetch(Inbound.Sync sync, int current) {
        long fetchStart = System.nanoTime();
        Threads.WORKERS.execute(() -> {
            try {
                byte[] bytes = c.link().files().get(sync.url());
                c.debug(DebugFlag.SNAPSHOT, () -> "fetched " + bytes.length + " bytes in "
                        + (System.nanoTime() - fetchStart) / 1_000_000 + " ms from " + sync.url());
                c.post(() -> install(bytes, sync.persisted(), current));
            } catch (IOException e) {
                String what = sync.persisted() ? "persisted data" : "snapshot";
                c.post(() -> c.lifecycle().fatal("cannot fetch the " + what + " " + sync.url() + ": "
                        + e.getMessage()));
            }
        });
    }

    private void install(byte[] sealed, boolean persisted, int current) {
        if (current != generation || c.lifecycle().isDead() || c.vm() != null) {
            return;
        }
        byte[] base;
        VirtualMachine vm;
        long start = System.nanoTime();
        try {
            base = open(sealed, persisted);
            vm = VirtualMachine.restore(registry, base, c);
        } catch (RejectedEnvelopeException e) {
            c.lifecycle().fatal("the snapshot failed authentication (tampered, or sealed with another password): "
                    + e.getMessage());
            return;
        } catch (RuntimeException e) {
            c.lifecycle().fatal("cannot start the model: " + e);
            return;
        }
        long restored = System.nanoTime();
        c.restored(vm);
        c.stream().attach(vm, new MessageConverter(c.link().envelope(), ids.sessionId(), vm::encodeEvent,
                c.reflections()::ownVote));
        c.link().syncCompleted();
        c.snapshots().installed(vm, base);
        int queued = c.stream().drainPending();
        long decrypted = System.nanoTime();
        c.debug(DebugFlag.SNAPSHOT, () -> "decrypted and restored " + base.length + " bytes in "
                + (restored - start) / 1_000_000 + " ms; decrypted and queued " + queued + " messages in "
                + (decrypted - restored) / 1_000_000 + " ms");
        c.stream().reachedAtLeast(vm.time());
        c.simulation().fastForward();
    }

    /** The restorable snapshot bytes: opened from the snapshot, or a fresh model's (with persisted data). */
    private byte[] open(byte[] sealed, boolean persisted) throws RejectedEnvelopeException {
        if (sealed == null) {
            return createFresh(null);
        } else if (persisted) {
            byte[] data = c.link().envelope().open(Purpose.PERSISTED, ids.persistentId(), sealed);
            return createFresh(VirtualMachine.decodePersisted(registry, data));
        }
        return c.link().envelope().open(Purpose.SNAPSHOT, ids.sessionId(), sealed);
    }

    /**
     * Creates the root model and returns its snapshot; like Croquet's {@code initsnapshot}, the caller then
     * restores from it, so the first client runs from restored state exactly like every later joiner.
     */
    private byte[] createFresh(Object persisted) {
        return VirtualMachine.create(registry, ids.sessionId(), params.model(), params.options(), persisted, c)
                .snapshot().bytes();
    }
}
