package dev.flamingo.client.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InboundDecoderTest {

    @Test
    void decodesSyncWithMessagesAndSnapshot() throws Exception {
        Inbound.Sync sync = (Inbound.Sync) InboundDecoder.decode("{\"id\":\"s\",\"action\":\"SYNC\",\"args\":{"
                + "\"url\":\"http://f/x\",\"messages\":[[10,-15,\"c2VhbGVk\",3],[12,4294967282,{\"what\":\"users\","
                + "\"joined\":[\"v1\"],\"active\":1,\"total\":1}]],\"time\":20,\"seq\":4294967282,\"tove\":\"t\","
                + "\"reflector\":\"local\",\"timeline\":\"abc\",\"snapshotTime\":5,\"snapshotSeq\":4294967280}}");
        assertEquals("http://f/x", sync.url());
        assertEquals(2, sync.messages().size());
        assertEquals(0xFFFFFFF1L, sync.messages().get(0).seq()); // int32 -15 >>> 0
        assertEquals("c2VhbGVk", sync.messages().get(0).sealed());
        assertEquals("users", sync.messages().get(1).what());
        assertEquals(20, sync.time());
        assertEquals(5L, sync.snapshotTime());
        assertEquals("abc", sync.timeline());
    }

    @Test
    void emptyUrlMeansNoSnapshot() throws Exception {
        Inbound.Sync sync = (Inbound.Sync) InboundDecoder.decode(
                "{\"id\":\"s\",\"action\":\"SYNC\",\"args\":{\"url\":\"\",\"messages\":[],\"time\":0,\"seq\":4294967280}}");
        assertNull(sync.url());
        assertNull(sync.snapshotSeq());
    }

    @Test
    void decodesTickInBothForms() throws Exception {
        assertEquals(7, ((Inbound.Tick) InboundDecoder.decode("{\"id\":\"s\",\"action\":\"TICK\",\"args\":7}")).time());
        assertEquals(8, ((Inbound.Tick) InboundDecoder.decode("{\"id\":\"s\",\"action\":\"TICK\",\"args\":{\"time\":8}}")).time());
    }

    @Test
    void decodesOthers() throws Exception {
        assertInstanceOf(Inbound.Requ.class, InboundDecoder.decode("{\"id\":\"s\",\"action\":\"REQU\"}"));
        assertInstanceOf(Inbound.Pong.class, InboundDecoder.decode("{\"action\":\"PONG\",\"args\":5}"));
        Inbound.Info info = (Inbound.Info) InboundDecoder.decode("{\"id\":\"s\",\"action\":\"INFO\",\"args\":"
                + "{\"code\":\"SNAPSHOT_NEEDED\",\"msg\":\"m\",\"options\":{\"level\":\"warning\"}}}");
        assertEquals("warning", info.level());
        Inbound.Recv recv = (Inbound.Recv) InboundDecoder.decode("{\"id\":\"s\",\"action\":\"RECV\",\"args\":[1,2,\"x\",0]}");
        assertEquals(2, recv.message().seq());
    }

    @Test
    void rejectsMalformedFramesNamingTheField() {
        assertMessage("frame is not JSON: {nope", "{nope");
        assertMessage("frame is not a JSON object: [1]", "[1]");
        assertMessage("frame.action is missing", "{\"id\":\"s\"}");
        assertMessage("unknown action \"FOO\"", "{\"action\":\"FOO\"}");
        assertMessage("TICK.args must be a number, got \"x\"", "{\"action\":\"TICK\",\"args\":\"x\"}");
        assertMessage("RECV.args[1] (seq) must be a 32-bit integer, got 1.5", "{\"action\":\"RECV\",\"args\":[1,1.5,\"x\"]}");
        assertMessage("RECV.args[0] (time) must be a non-negative time in ms, got -1.0",
                "{\"action\":\"RECV\",\"args\":[-1,1,\"x\"]}");
        assertMessage("RECV.args must be [time, seq, payload, ...], got [1,2]", "{\"action\":\"RECV\",\"args\":[1,2]}");
        assertMessage("RECV.args[2] (payload) must be a sealed string or a {what} object, got 5",
                "{\"action\":\"RECV\",\"args\":[1,2,5]}");
        assertMessage("SYNC.messages must be an array, got null", "{\"action\":\"SYNC\",\"args\":{\"time\":1}}");
    }

    private static void assertMessage(String expected, String frame) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> InboundDecoder.decode(frame));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void abbreviatesHugeFrames() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> InboundDecoder.decode("x".repeat(500)));
        assertTrue(e.getMessage().endsWith("...(500 chars)"), e.getMessage());
    }
}
