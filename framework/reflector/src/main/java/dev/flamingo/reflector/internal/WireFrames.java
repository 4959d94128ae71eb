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
    private WireFrames() {
    }

    static ByteBuf text(String text) {
        int length = ByteBufUtil.utf8Bytes(text);
        ByteBuf buf = header(length);
        ByteBufUtil.reserveAndWriteUtf8(buf, text, length);
        return buf;
    }

    /** The frame of {@code head} (ASCII bytes), then {@code body}, then the ASCII char {@code last}. */
    static ByteBuf text(byte[] head, String body, char last) {
        int bodyLength = ByteBufUtil.utf8Bytes(body);
        ByteBuf buf = header(head.length + bodyLength + 1);
        buf.writeBytes(head);
        ByteBufUtil.reserveAndWriteUtf8(buf, body, bodyLength);
        return buf.writeByte(last);
    }

    /** A pooled buffer holding the frame header for a payload of {@code length} bytes, with room for it. */
    private static ByteBuf header(int length) {
        int header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(header + length);
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
        return buf;
    }
}
