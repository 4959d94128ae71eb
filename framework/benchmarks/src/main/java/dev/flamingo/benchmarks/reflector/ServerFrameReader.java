package dev.flamingo.benchmarks.reflector;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Replaces Netty's WebSocket frame decoder after the handshake: hands each complete text frame from the
 * server (unmasked, unfragmented, as the reflector sends them) to its client as a position in the read
 * buffer, with no frame object, copy or aggregation. A close frame closes the socket. Its channel's
 * event loop only.
 */
final class ServerFrameReader extends ByteToMessageDecoder {
    private static final int TEXT = 1;
    private static final int CLOSE = 8;
    private final LoadClient client;

    ServerFrameReader(LoadClient client) {
        this.client = client;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        // One clock read per read burst: its frames arrived together.
        long now = System.nanoTime();
        while (in.readableBytes() >= 2) {
            int start = in.readerIndex();
            int opcode = in.getByte(start) & 0x0F;
            int length = in.getByte(start + 1) & 0x7F;
            int header = 2;
            if (length == 126) {
                header = 4;
                length = in.readableBytes() < header ? -1 : in.getUnsignedShort(start + 2);
            } else if (length == 127) {
                header = 10;
                length = in.readableBytes() < header ? -1 : (int) in.getLong(start + 2);
            }
            if (length < 0 || in.readableBytes() < header + length) {
                return;
            }
            if (opcode == TEXT) {
                client.frame(in, start + header, length, now);
            } else if (opcode == CLOSE) {
                ctx.close();
            }
            in.readerIndex(start + header + length);
        }
    }
}
