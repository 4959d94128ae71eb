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
    void aRetentionBelowOneDayIsReportedInDaysNamingTheFlag() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Main.parse(new String[] {"--retention-days", "0"}).build());
        assertEquals("--retention-days must be at least 1 day, not 0", e.getMessage());
    }
}
