package dev.flamingo.reflector.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * Encodes a complete server-to-client WebSocket text frame (FIN, opcode 1, unmasked length, UTF-8
 * payload) once, so a broadcast shares one buffer among all clients instead of running the frame
 * encoder per client. The bytes pass the pipeline's frame encoder untouched. Any thread.
 */
final class WireFrames {
    private static final int MAX_HEADER = 10;
    private WireFrames() {
    }

    static ByteBuf text(String text) {
        int length = ByteBufUtil.utf8Bytes(text);
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(MAX_HEADER + length);
        header(buf, length);
        ByteBufUtil.reserveAndWriteUtf8(buf, text, length);
        return buf;
    }

    /** Appends the frame of {@code head} (ASCII bytes), then {@code body}, then the ASCII char {@code last}. */
    static void writeText(ByteBuf out, byte[] head, String body, char last) {
        int least = head.length + body.length() + 1;
        int most = head.length + 3 * body.length() + 1;
        if (least >= 126 && most < 65_536) {
            writeMidsize(out, head, body, last);
            return;
        }
        int bodyLength = ByteBufUtil.utf8Bytes(body);
        header(out, head.length + bodyLength + 1);
        out.writeBytes(head);
        ByteBufUtil.reserveAndWriteUtf8(out, body, bodyLength);
        out.writeByte(last);
    }

    /**
     * One pass over {@code body} when its UTF-8 length, whatever it is, needs the 16-bit length header:
     * the length is filled in after the bytes are written (most RECVs are a few hundred bytes).
     */
    private static void writeMidsize(ByteBuf out, byte[] head, String body, char last) {
        out.writeByte(0x81).writeByte(126);
        int lengthAt = out.writerIndex();
        out.writeShort(0).writeBytes(head);
        ByteBufUtil.writeUtf8(out, body);
        out.writeByte(last);
        out.setShort(lengthAt, out.writerIndex() - lengthAt - 2);
    }

    private static void header(ByteBuf buf, int length) {
        buf.writeByte(0x81);
        if (length < 126) {
            buf.writeByte(length);
        } else if (length < 65_536) {
            buf.writeByte(126);
            buf.writeShort(length);
        } else {
            buf.writeByte(127);
            buf.writeLong(length);
        }
    }
}
