package dev.flamingo.client.it;

import static dev.flamingo.client.it.Fixture.add;
import static dev.flamingo.client.it.Fixture.await;
import static dev.flamingo.client.it.Fixture.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.client.SessionProblem;
import dev.flamingo.client.internal.crypto.Envelope;
import dev.flamingo.client.internal.crypto.Purpose;
import dev.flamingo.client.internal.crypto.SessionKey;
import dev.flamingo.core.Registry;
import dev.flamingo.core.vm.ExternalMessage;
import dev.flamingo.core.vm.HandlerError;
import dev.flamingo.core.vm.VirtualMachine;
import dev.flamingo.core.vm.VmHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Snapshot voting and upload, late join from a snapshot, and divergence detection with location. */
class SnapshotIT {

    @AutoClose
    private final Fixture fixture = new Fixture(null);

    private boolean snapshotUploaded() throws Exception {
        try (Stream<Path> files = Files.walk(fixture.server.filesDir())) {
            return files.anyMatch(p -> p.toString().contains("/snap/") && Files.isRegularFile(p));
        }
    }

    @Test
    void lateJoinerCatchesUpFromSnapshotPlusReplay() throws Exception {
        Session a = fixture.join(fixture.params("late").snapshotAfterCpuMs(10));
        for (int i = 1; i <= 40; i++) {
            add(a, i); // bundled into a few messages, enough for a 10 ms trigger
        }
        await(List.of(a), m -> m.events() == 40);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!snapshotUploaded()) {
            assertTrue(System.nanoTime() < deadline, "no snapshot uploaded within 20 s");
            Thread.sleep(20);
        }
        for (int i = 41; i <= 60; i++) {
            add(a, i);
        }
        await(List.of(a), m -> m.events() == 60);
        List<Double> progress = new CopyOnWriteArrayList<>();
        Session b = fixture.join(fixture.params("late").progress(progress::add));
        assertEquals(1.0, progress.get(progress.size() - 1), "join progress " + progress);
        for (int i = 0; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= (i == 0 ? 0 : progress.get(i - 1)) && progress.get(i) <= 1,
                    "join progress must rise from 0 to 1: " + progress);
        }
        await(List.of(a, b), m -> m.events() == 60);
        assertEquals(summary(a), summary(b));
        add(b, 1000);
        await(List.of(a, b), m -> m.events() == 61);
        assertEquals(summary(a), summary(b));
        assertTrue(fixture.problems.isEmpty(), fixture.problems.toString());
    }

    /**
     * The uploaded snapshot's name (and so the vote and SNAP that carry the same hash) must not be the plain
     * SHA-256 of the state: the reflector and the files server could confirm a guessed state by hashing it.
     */
    @Test
    void snapshotNameDoesNotRevealThePlaintextHash() throws Exception {
        Session a = fixture.join(fixture.params("hidden").snapshotAfterCpuMs(10));
        for (int i = 1; i <= 40; i++) {
            add(a, i);
        }
        await(List.of(a), m -> m.events() == 40);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!snapshotUploaded()) {
            assertTrue(System.nanoTime() < deadline, "no snapshot uploaded within 20 s");
            Thread.sleep(20);
        }
        Path file;
        try (Stream<Path> files = Files.walk(fixture.server.filesDir())) {
            file = files.filter(p -> p.toString().contains("/snap/") && Files.isRegularFile(p)).findFirst()
                    .orElseThrow();
        }
        String name = file.getFileName().toString();
        String published = name.substring(name.lastIndexOf('.') + 1);
        Envelope envelope = new Envelope(SessionKey.derive("correct horse", a.persistentId()), new SecureRandom());
        byte[] snapshot = envelope.open(Purpose.SNAPSHOT, a.id(), Files.readAllBytes(file));
        String plain = VirtualMachine.restore(Fixture.REGISTRY, snapshot, new Silent()).capture().sha256();
        assertNotEquals(plain, published, "the snapshot's name carries the SHA-256 of its plaintext state");
        assertEquals(envelope.keyedHash(Purpose.SNAPSHOT, a.id(), plain), published);
    }

    private static void awaitOn(Session s, String what, Callable<Boolean> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Fixture.on(s, done)) {
            assertTrue(System.nanoTime() < deadline, what + " not done within 20 s");
            Thread.sleep(5);
        }
    }

    /** A host for restoring a snapshot outside any session. */
    static final class Silent implements VmHost {
        @Override
        public String viewId() {
            return "test";
        }

        @Override
        public void sendToReflector(ExternalMessage.ModelEvent event) {
            throw new AssertionError("a restored snapshot sent " + event);
        }

        @Override
        public void onHandlerError(HandlerError error) {
            throw new AssertionError(error.describe());
        }
    }

    @Test
    void injectedDivergenceIsDetectedAndLocated() throws Exception {
        Registry registry = Registry.builder().register("it.Divergent", DivergentModel.class).build();
        JoinParameters.Builder params = fixture.params("diverge").registry(registry).model(DivergentModel.class)
                .snapshotAfterCpuMs(10);
        Session a = fixture.join(params);
        Session b = fixture.join(params);
        DivergentModel.miscountingModel = b.model();
        DivergentModel.miscountingView = b.viewId();
        // One add at a time, each run before the next is published, so each travels as a message of its own
        // and the located message can be checked exactly: the sixth, after which b's total went wrong.
        for (int i = 1; i <= 10; i++) {
            add(a, 1);
            long expected = i;
            awaitOn(a, "add " + i, () -> ((DivergentModel) a.model()).total == expected);
        }
        long wentWrongAt = Fixture.on(a, () -> ((DivergentModel) a.model()).wentWrongAt);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        SessionProblem.Diverged located = null;
        while (located == null) {
            assertTrue(System.nanoTime() < deadline, "divergence not located within 20 s: " + fixture.problems);
            Thread.sleep(20);
            located = fixture.problems.stream().filter(p -> p instanceof SessionProblem.Diverged d
                    && d.firstDifferingSeq() >= 0).map(p -> (SessionProblem.Diverged) p).findFirst().orElse(null);
        }
        assertEquals(2, located.groups().size());
        assertTrue(located.groups().contains(List.of(b.viewId())), located.describe());
        assertEquals("event counter:add from view " + a.viewId() + " at " + wentWrongAt + " ms",
                located.firstDifferingMessage(), located.describe());
        DivergentModel.miscountingModel = null;
        DivergentModel.miscountingView = "none";
    }
}
