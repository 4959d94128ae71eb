package dev.flamingo.client.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class OutboundEncoderTest {

    private final OutboundEncoder encoder = new OutboundEncoder("sid");

    @Test
    void joinCarriesEveryCroquetField() {
        JsonObject frame = JsonParser.parseString(encoder.join(new JoinArgs("a.b/n", "", "a.b", "pid", "0.1.0", "v1",
                "sealedData", 50, 0, 10, "tove", "code", 1250))).getAsJsonObject();
        assertEquals("sid", frame.get("id").getAsString());
        assertEquals("JOIN", frame.get("action").getAsString());
        JsonObject args = frame.getAsJsonObject("args");
        for (String field : new String[] {"name", "apiKey", "appId", "url", "persistentId", "sdk", "developerId",
            "version", "user", "location", "ticks", "dormantDelay", "tove", "codeHash", "leaveDelay"}) {
            assertEquals(true, args.has(field), field);
        }
        assertEquals("v1", args.getAsJsonObject("user").get("id").getAsString());
        assertEquals(1, args.get("version").getAsInt());
        assertEquals(50.0, args.getAsJsonObject("ticks").get("tick").getAsDouble());
    }

    @Test
    void joinWithoutViewDataSendsPlainViewId() {
        JsonObject args = JsonParser.parseString(encoder.join(new JoinArgs("n", "", "a.b", "p", "s", "v1", null, 50,
                0, 0, "t", "c", 250))).getAsJsonObject().getAsJsonObject("args");
        assertEquals("v1", args.get("user").getAsString());
    }

    @Test
    void encodesSendTuttiSnapSaveAndKeepAlives() {
        assertEquals("{\"id\":\"sid\",\"action\":\"SEND\",\"args\":[5,0,\"x\",3]}", encoder.send(5, "x", 3));
        assertEquals("{\"id\":\"sid\",\"action\":\"SEND\",\"args\":[5,0,\"x\",0],\"tags\":{\"debounce\":5000,"
                + "\"msgID\":\"pollForSnapshot\"}}", encoder.sendTagged(5, "x", "pollForSnapshot", 5000));
        assertEquals("{\"id\":\"sid\",\"action\":\"TUTTI\",\"args\":[9,0,\"{}\",null,true,[\"snapshotVote\"],"
                + "\"snapshot@9\"]}", encoder.tutti(9, "{}", null, true, "snapshotVote", "snapshot@9"));
        assertEquals("{\"id\":\"sid\",\"action\":\"TUTTI\",\"args\":[9,0,\"vote\",[9,0,\"first\",0],false,"
                + "[\"reflected\"],\"dice:rolled@9#e1\"]}",
                encoder.tutti(9, "vote", "first", false, "reflected", "dice:rolled@9#e1"));
        assertEquals("{\"id\":\"sid\",\"action\":\"SNAP\",\"args\":{\"time\":9,\"seq\":4294967295,\"hash\":\"h\","
                + "\"url\":\"u\",\"dissident\":null}}", encoder.snap(9, 0xFFFFFFFFL, "h", "u", null));
        assertEquals("{\"id\":\"sid\",\"action\":\"SAVE\",\"args\":{\"persistTime\":9,\"url\":\"u\",\"dissident\":null}}",
                encoder.save(9, "u", null));
        assertEquals("{\"id\":\"sid\",\"action\":\"PULSE\"}", encoder.pulse());
        assertEquals("{\"id\":\"sid\",\"action\":\"PING\",\"args\":7}", encoder.ping(7));
        assertEquals("{\"id\":\"sid\",\"action\":\"LOG\",\"args\":\"hi\"}", encoder.log("hi"));
    }
}
