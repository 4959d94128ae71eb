package dev.flamingo.client.it;

import static dev.flamingo.client.it.Fixture.await;
import static dev.flamingo.client.it.Fixture.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.PayloadTooLargeException;
import dev.flamingo.client.SendRateExceededException;
import dev.flamingo.client.Session;
import dev.flamingo.client.SessionFailedException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Wrong password, oversized payloads and the send rate limit, against the real reflector. */
class LimitsIT {

    @AutoClose
    private final Fixture fixture = new Fixture(null);

    @Test
    void wrongPasswordFailsTheJoinClearly() throws Exception {
        fixture.join(fixture.params("pw"));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> Session.join(fixture.params("pw").password("wrong").build()).get(20, TimeUnit.SECONDS));
        SessionFailedException failed = assertInstanceOf(SessionFailedException.class, e.getCause());
        assertEquals(4200, failed.closeCode());
        assertTrue(failed.getMessage().contains("wrong password"), failed.getMessage());
    }

    @Test
    void payloadOverSixteenKilobytesIsRefusedAtPublish() throws Exception {
        Session a = fixture.join(fixture.params("big"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> on(a, () -> {
            ((CounterView) a.view()).ballastData(new byte[20_000]);
            return null;
        }));
        PayloadTooLargeException tooLarge = assertInstanceOf(PayloadTooLargeException.class, e.getCause());
        assertTrue(tooLarge.getMessage().startsWith("counter:blob encodes to "), tooLarge.getMessage());
    }

    @Test
    void sendingFasterThanTheRateLimitBundlesThenRefuses() throws Exception {
        Session a = fixture.join(fixture.params("rate").eventRateLimit(1));
        byte[] chunk = new byte[3000];
        ExecutionException e = assertThrows(ExecutionException.class, () -> on(a, () -> {
            CounterView view = (CounterView) a.view();
            for (int i = 0; i < 10; i++) {
                view.ballastData(chunk); // 1 sent, 2 bundled (6 KB), the 4th needs a second bundle
            }
            return null;
        }));
        SendRateExceededException refused = assertInstanceOf(SendRateExceededException.class, e.getCause());
        assertTrue(refused.getMessage().contains("eventRateLimit is 1"), refused.getMessage());
        await(List.of(a), m -> m.blobs() == 3); // nothing accepted was dropped
    }
}
