package dev.flamingo.client.internal.session;

import dev.flamingo.client.Session;
import dev.flamingo.core.vm.CapturedSnapshot;
import dev.flamingo.core.vm.VirtualMachine;
import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;

/** For integration tests: the SHA-256 of a joined session's whole VM state, captured on its owner thread. */
public final class StateHashes {

    /** Where a replica stands and the hash of its state there; equal positions must give equal hashes. */
    public record StateHash(long time, long seq, String sha256) {
        /** True when the other replica was captured at the same point of the stream. */
        public boolean samePoint(StateHash other) {
            return time == other.time && seq == other.seq;
        }
    }

    private StateHashes() {}

    /** Captures {@code session}'s VM between messages, on the thread that owns it. */
    public static StateHash of(Session session) throws Exception {
        Controller controller = controller(session);
        return session.submit(() -> {
            VirtualMachine vm = controller.vm();
            CapturedSnapshot captured = vm.capture();
            return new StateHash(vm.time(), vm.externalSeq(), captured.sha256());
        }).get(20, TimeUnit.SECONDS);
    }

    private static Controller controller(Session session) throws ReflectiveOperationException {
        Field field = Session.class.getDeclaredField("controller");
        field.setAccessible(true);
        return (Controller) field.get(session);
    }
}
