package dev.flamingo.reflector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's own output. */
class MainTest {

    @Test
    void stoppingAMemoryOnlyServerDoesNotClaimItsSessionsWerePersisted() {
        ReflectorServer server = Main.parse(new String[] {"--port", "0"}).build();
        assertEquals("Flamingo reflector stopped; its memory-only sessions are gone", Main.stoppedMessage(server));
    }

    @Test
    void stoppingADurableServerSaysWhereItsSessionsAre(@TempDir Path dir) {
        ReflectorServer server = Main.parse(new String[] {"--port", "0", "--data", dir.toString()}).build();
        assertEquals("Flamingo reflector stopped; sessions persisted in " + dir.toAbsolutePath().normalize(),
                Main.stoppedMessage(server));
    }

    @Test
    void aBadSettingIsReportedByTheFlagThatSetIt() {
        assertEquals("invalid --max-rate: 0", buildFails("--max-rate", "0"));
        assertEquals("invalid --port: 99999", buildFails("--port", "99999"));
        assertEquals("invalid --keep-snapshots: 0", buildFails("--keep-snapshots", "0"));
        assertEquals("invalid --archive-messages (needs --data): true", buildFails("--archive-messages", "true"));
        assertEquals("invalid --herald-allow prefix: ftp://x", buildFails("--herald-allow", "ftp://x"));
    }

    /** Every limit the issue names can be set where operators run the server, not only by embedding it. */
    @Test
    void everyConnectionLimitHasAFlag() {
        assertEquals("invalid --max-frame-bytes: 100", buildFails("--max-frame-bytes", "100"));
        assertEquals("invalid --max-buffered-bytes: 1000", buildFails("--max-buffered-bytes", "1000"));
        assertEquals("invalid --max-sessions: 0", buildFails("--max-sessions", "0"));
        assertEquals("invalid --max-connections-per-ip: 0", buildFails("--max-connections-per-ip", "0"));
        Main.build(Main.parse(new String[] {"--port", "0", "--max-frame-bytes", "2048",
            "--max-buffered-bytes", "65536", "--max-sessions", "1"}));
    }

    private static String buildFails(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> Main.build(Main.parse(args))).getMessage();
    }

    @Test
    void aRetentionBelowOneDayIsReportedInDaysNamingTheFlag() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Main.parse(new String[] {"--retention-days", "0"}).build());
        assertEquals("--retention-days must be at least 1 day, not 0", e.getMessage());
    }
}
