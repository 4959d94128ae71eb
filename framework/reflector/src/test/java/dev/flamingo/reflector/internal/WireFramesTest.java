package dev.flamingo.reflector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import org.junit.jupiter.api.Test;

class WireFramesTest {
    /** Each length class of the header (7-bit, 16-bit, 64-bit) decodes back to the same text. */
    @Test
    void framesDecodeWithNettysClientDecoder() {
        for (int length : new int[] {0, 125, 126, 65_535, 65_536, 200_000}) {
            String text = "\u00e9".repeat(length / 2) + "x".repeat(length % 2);
            EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(
                    WebSocketDecoderConfig.newBuilder().expectMaskedFrames(false).maxFramePayloadLength(1 << 20).build()));
            client.writeInbound(WireFrames.text(text));
            TextWebSocketFrame frame = client.readInbound();
            assertEquals(text, frame.text(), "length " + length);
            frame.release();
            client.finishAndReleaseAll();
        }
    }

    /** A frame assembled from head bytes, body bytes and a last char reads as their concatenation. */
    @Test
    void headBodyAndLastCharMakeOneFrame() {
        byte[] head = "{\"id\":\"s\",\"args\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int length : new int[] {0, 100, 126, 70_000}) {
            String body = "[1,2,\"" + "\u00e9\ud83d\ude00".repeat(length / 3) + "\"]";
            EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(
                    WebSocketDecoderConfig.newBuilder().expectMaskedFrames(false).maxFramePayloadLength(1 << 20).build()));
            ByteBuf buf = Unpooled.buffer();
            WireFrames.writeText(buf, head, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), '}');
            client.writeInbound(buf);
            TextWebSocketFrame frame = client.readInbound();
            assertEquals("{\"id\":\"s\",\"args\":" + body + "}", frame.text(), "length " + length);
            frame.release();
            client.finishAndReleaseAll();
        }
    }
}
