package dev.flamingo.benchmarks.reflector;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * One client's SEND frames, encoded once as a template: a masked WebSocket text frame whose payload
 * {@code {"action":"SEND","args":[0,0,"L<due nanos>:<client>:<write nanos>:<pad>",0]}} carries two
 * fixed-width times, when the message was due to be sent and when it was written, so a burst is a byte
 * copy plus 38 digits per frame. The mask key is zero, which RFC 6455 allows and which leaves the payload
 * as it is. Its client's event loop only.
 */
final class SendFrames {
    /** Send times are nanoseconds since this origin, so they are never negative. */
    static final long ORIGIN = System.nanoTime();
    static final int DIGITS = 19;
    private static final String PAD = "x".repeat(100);
    private final byte[] template;
    private final int digitsAt;
    private final int writtenAt;

    SendFrames(int index) {
        String head = "{\"action\":\"SEND\",\"args\":[0,0,\"L";
        String client = ":" + index + ":";
        byte[] payload = (head + "0".repeat(DIGITS) + client + "0".repeat(DIGITS) + ":" + PAD + "\",0]}")
                .getBytes(StandardCharsets.US_ASCII);
        if (payload.length < 126 || payload.length > 65_535) {
            throw new IllegalStateException("the template assumes a 16-bit payload length");
        }
        template = new byte[8 + payload.length];
        template[0] = (byte) 0x81;
        template[1] = (byte) (0x80 | 126);
        template[2] = (byte) (payload.length >> 8);
        template[3] = (byte) payload.length;
        // Bytes 4-7: the all-zero mask key.
        System.arraycopy(payload, 0, template, 8, payload.length);
        digitsAt = 8 + head.length();
        writtenAt = digitsAt + DIGITS + client.length();
    }

    /**
     * {@code count} frames in one buffer, written now: the i-th was due at {@code firstDue + i * interval}
     * ({@link System#nanoTime()} values; a window client passes now and 0, as its frames are due when sent).
     */
    ByteBuf burst(ByteBufAllocator alloc, int count, long firstDue, long interval) {
        ByteBuf buf = alloc.directBuffer(count * template.length);
        long written = System.nanoTime() - ORIGIN;
        for (int i = 0; i < count; i++) {
            int start = buf.writerIndex();
            buf.writeBytes(template);
            digits(buf, start + digitsAt, firstDue - ORIGIN + i * interval);
            digits(buf, start + writtenAt, written);
        }
        return buf;
    }

    private static void digits(ByteBuf buf, int at, long nanos) {
        for (int d = at + DIGITS - 1; d >= at; d--) {
            buf.setByte(d, '0' + (int) (nanos % 10));
            nanos /= 10;
        }
    }
}
