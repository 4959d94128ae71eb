package dev.flamingo.client.internal.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.PayloadTooLargeException;
import dev.flamingo.client.SendRateExceededException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendLimiterTest {

    private final SendLimiter<byte[]> limiter = new SendLimiter<>(20); // 50 ms gap

    private List<byte[]> offer(String what, int size, long now, boolean paced) {
        return limiter.offer(what, new byte[size], size, now, paced);
    }

    @Test
    void sendsImmediatelyWhenNotPaced() {
        for (int i = 0; i < 100; i++) {
            assertNotNull(offer("e", 10, 0, false));
        }
    }

    @Test
    void bundlesWithinTheGapAndServicesOneBundlePerGap() {
        assertEquals(1, offer("e", 10, 0, true).size());
        assertNull(offer("e", 10, 10, true));
        assertNull(offer("e", 10, 20, true));
        assertNull(limiter.service(49));
        assertEquals(50, limiter.nextDue());
        List<byte[]> bundle = limiter.service(50);
        assertEquals(2, bundle.size());
        assertEquals(-1, limiter.nextDue());
    }

    @Test
    void bundlesFillToAboutFourKilobytes() {
        offer("e", 1, 0, true);
        for (int i = 0; i < 5; i++) {
            offer("e", 1500, 1, true); // 1500, 3000, 4500 | 1500, 3000
        }
        assertEquals(2, limiter.waitingBundles());
        assertEquals(3, limiter.service(50).size());
        assertEquals(2, limiter.service(100).size());
    }

    @Test
    void refusesPayloadOverSixteenKilobytes() {
        PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class,
                () -> offer("chat:post", 16 * 1024 + 1, 0, true));
        assertTrue(e.getMessage().startsWith("chat:post encodes to 16385 bytes, over the 16384-byte limit"));
        assertNotNull(offer("e", 16 * 1024, 0, true));
    }

    @Test
    void overflowIsAnErrorNotASilentDrop() {
        offer("e", 1, 0, true);
        for (int i = 0; i < 20; i++) {
            offer("e", 4096, 1, true);
        }
        SendRateExceededException e = assertThrows(SendRateExceededException.class,
                () -> offer("e", 4096, 1, true));
        assertTrue(e.getMessage().contains("eventRateLimit is 20"), e.getMessage());
        assertEquals(20, limiter.waitingBundles());
    }

    @Test
    void validatesRate() {
        assertThrows(IllegalArgumentException.class, () -> new SendLimiter<byte[]>(0));
        assertThrows(IllegalArgumentException.class, () -> new SendLimiter<byte[]>(61));
    }
}
