package dev.flamingo.reflector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading gets no TICKs while bytes wait for it, and is dropped once its outbound queue
 * passes the limit; the others carry on.
 */
class SlowConsumerIT {
    @Test
    void clientThatNeverReadsIsDisconnectedInsteadOfBufferingWithoutBound() throws Exception {
        try (ReflectorServer server = ReflectorServer.builder().port(0).maxBufferedBytes(256 * 1024)
                .maxMessagesPerSecond(1_000_000).build().start();
             Socket stalled = new Socket("127.0.0.1", server.port());
             TestClient sender = TestClient.joined(server, "slow", "sender")) {
            stalled.setReceiveBufferSize(4096);
            joinWithoutReading(stalled, "slow");
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

    /**
     * As in Croquet (a TICK only to clients with {@code bufferedAmount === 0}), a client with bytes waiting
     * in its outbound buffer gets no TICK: the ticks of the silence after a flood reach the reading client
     * but not the stalled one, whose next TICK comes only after it has read its backlog.
     */
    @Test
    void aBackloggedClientGetsNoTicksUntilItHasReadItsBacklog() throws Exception {
        try (ReflectorServer server = ReflectorServer.builder().port(0).maxBufferedBytes(64 << 20)
                .maxMessagesPerSecond(1_000_000).build().start();
             TestClient reader = TestClient.connect(server, "backlog");
             Socket stalled = new Socket()) {
            reader.join("reader", 20, 0);
            reader.next("SYNC");
            stalled.setReceiveBufferSize(4096); // before connecting, so the TCP window stays small
            stalled.connect(new InetSocketAddress("127.0.0.1", server.port()));
            joinWithoutReading(stalled, "backlog");
            reader.nextRecv(p -> p.isJsonObject() && p.getAsJsonObject().get("active").getAsInt() == 2);
            // More than the kernel's send and receive buffers hold, so the rest waits in the server.
            String payload = "p".repeat(64_000);
            int messages = (int) ((kernelSendBufferMax() + (4 << 20)) / payload.length());
            long floodEnd = 0;
            for (int i = 0; i < messages; i++) {
                String sent = payload + i;
                reader.sendMessage(sent);
                floodEnd = reader.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals(sent)).get(0).getAsLong();
            }
            long lastTickSeen = 0;
            for (int ticks = 0; ticks < 10; ticks++) {
                lastTickSeen = reader.next("TICK").get("args").getAsLong();
            }
            long firstTickAfterFlood = firstTickAfter(stalled.getInputStream(), payload + (messages - 1));
            assertTrue(firstTickAfterFlood > lastTickSeen, "the stalled client got the TICK at " + firstTickAfterFlood
                    + " while its backlog waited (flood ended at " + floodEnd + ", the reader's last TICK was at "
                    + lastTickSeen + ")");
        }
    }

    /** The most the kernel lets a socket's send buffer grow to (Linux tcp_wmem), or 4 MiB where unknown. */
    private static long kernelSendBufferMax() throws IOException {
        Path wmem = Path.of("/proc/sys/net/ipv4/tcp_wmem");
        // readAllLines, not readString: procfs reports a size of 0 and readString then stops after one byte.
        if (!Files.isReadable(wmem)) {
            return 4 << 20;
        }
        return Long.parseLong(Files.readAllLines(wmem).get(0).trim().split("\\s+")[2]);
    }

    /** Reads the stalled client's frames: past the RECV carrying {@code lastPayload}, to the next TICK's time. */
    private static long firstTickAfter(InputStream raw, String lastPayload) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        boolean floodRead = false;
        while (true) {
            JsonObject frame = JsonParser.parseString(readTextFrame(in)).getAsJsonObject();
            String action = frame.get("action").getAsString();
            JsonElement payload = action.equals("RECV") ? frame.getAsJsonArray("args").get(2) : null;
            if (payload != null && payload.isJsonPrimitive() && payload.getAsString().equals(lastPayload)) {
                floodRead = true;
            } else if (floodRead && action.equals("TICK")) {
                return frame.get("args").getAsLong();
            }
        }
    }

    /** One unmasked server frame's text; control frames are skipped. */
    private static String readTextFrame(DataInputStream in) throws IOException {
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0F;
            long length = in.readUnsignedByte() & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] data = new byte[(int) length];
            in.readFully(data);
            if (opcode == 1) {
                return new String(data, StandardCharsets.UTF_8);
            }
        }
    }

    private static boolean dropped(ReflectorServer server) {
        return server.metricsText().contains("reason=\"slow_consumer\"}");
    }

    /** Handshakes and sends JOIN (masked, as a client must), then never reads again. */
    private static void joinWithoutReading(Socket s, String session) throws Exception {
        OutputStream out = s.getOutputStream();
        String key = Base64.getEncoder().encodeToString(new byte[16]);
        out.write(("GET /reflector/" + session + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
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
