package dev.flamingo.reflector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A client that stops reading is dropped once its outbound queue passes the limit; the others carry on. */
class SlowConsumerIT {
    @Test
    void clientThatNeverReadsIsDisconnectedInsteadOfBufferingWithoutBound() throws Exception {
        try (ReflectorServer server = ReflectorServer.builder().port(0).maxBufferedBytes(256 * 1024)
                .maxMessagesPerSecond(1_000_000).build().start();
             Socket stalled = new Socket("127.0.0.1", server.port());
             TestClient sender = TestClient.joined(server, "slow", "sender")) {
            stalled.setReceiveBufferSize(4096);
            joinWithoutReading(stalled);
            sender.nextUsers();
            String payload = "p".repeat(16_000);
            // The sender waits for each echo before the next send, so only the stalled client falls behind:
            // racing ahead, the sender could itself pass the limit on a busy machine and be dropped too.
            for (int i = 0; i < 5_000 && !dropped(server); i++) {
                String sent = payload + i;
                sender.sendMessage(sent);
                sender.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals(sent));
            }
            assertTrue(server.metricsText().contains("reason=\"slow_consumer\"} 1"), server.metricsText());
            sender.frames.clear();
            sender.sendMessage("still-here");
            sender.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("still-here"));
        }
    }

    private static boolean dropped(ReflectorServer server) {
        return server.metricsText().contains("reason=\"slow_consumer\"}");
    }

    /** Handshakes and sends JOIN (masked, as a client must), then never reads again. */
    private static void joinWithoutReading(Socket s) throws Exception {
        OutputStream out = s.getOutputStream();
        String key = Base64.getEncoder().encodeToString(new byte[16]);
        out.write(("GET /reflector/slow HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
        }
        byte[] join = "{\"action\":\"JOIN\",\"args\":{\"version\":1,\"apiKey\":\"k\",\"user\":\"stalled\"}}"
                .getBytes(StandardCharsets.UTF_8);
        out.write(new byte[] {(byte) 0x81, (byte) (0x80 | join.length), 0, 0, 0, 0});
        out.write(join);
        out.flush();
    }
}
