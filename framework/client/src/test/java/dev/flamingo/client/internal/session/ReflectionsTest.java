package dev.flamingo.client.internal.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.flamingo.client.internal.crypto.Envelope;
import dev.flamingo.client.internal.crypto.SessionKey;
import dev.flamingo.client.internal.wire.ReflectedMessage;
import dev.flamingo.core.vm.ExternalMessage;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The wire form of reflected events' votes and how a tally of them is opened. */
class ReflectionsTest {

    private static final String KEY = "reflected@5#e1";
    private final Envelope envelope = new Envelope(SessionKey.ofBytes(new byte[32]), new SecureRandom());
    private final Map<String, String> own = new TreeMap<>();
    private final MessageConverter converter = new MessageConverter(envelope, "sid", data -> null, own::get);

    private String vote(byte[] data) {
        return vote("rolled", data);
    }

    private String vote(String event, byte[] data) {
        return envelope.sealVote(Reflections.voteContext("sid", KEY), new Reflections.Ballot("dice", event, data).encode());
    }

    private static ReflectedMessage tally(String key, Map<String, Integer> votes) {
        JsonObject meta = new JsonObject();
        meta.addProperty("what", "tally");
        JsonObject tally = new JsonObject();
        votes.forEach(tally::addProperty);
        meta.add("tally", tally);
        JsonArray target = new JsonArray();
        target.add(Reflections.TARGET);
        meta.add("tallyTarget", target);
        meta.addProperty("tuttiKey", key);
        meta.addProperty("missingClients", 1);
        return new ReflectedMessage(900, 7, null, meta);
    }

    @Test
    void ballotsCarryTheTopicAndTellNoDataFromEmptyData() throws Exception {
        Reflections.Ballot none = Reflections.Ballot.decode(new Reflections.Ballot("s", "e#x@1", null).encode());
        assertEquals("s", none.scope());
        assertEquals("e#x@1", none.event());
        assertNull(none.data());
        assertArrayEquals(new byte[0], Reflections.Ballot.decode(new Reflections.Ballot("s", "e", new byte[0]).encode())
                .data());
        byte[] two = new Reflections.Ballot("s", "e", new byte[] {0, 5}).encode();
        assertArrayEquals(new byte[] {0, 5}, Reflections.Ballot.decode(two).data());
        assertThrows(IOException.class, () -> Reflections.Ballot.decode(new byte[] {7}));
        assertThrows(IOException.class, () -> Reflections.Ballot.decode(java.util.Arrays.copyOf(two, two.length - 1)));
    }

    @Test
    void equalCopiesAreEqualVotesAndTheReflectorSeesNoTopic() {
        assertEquals(vote(new byte[] {4}), vote(new byte[] {4}));
        String v = vote(new byte[] {4});
        assertTrue(!v.contains("dice") && !v.contains("rolled"), v);
    }

    @Test
    void aTallyOpensIntoCopiesWithThisReplicasOwnMarked() {
        String a = vote(new byte[] {1});
        String b = vote(null);
        own.put(KEY, b);
        Map<String, Integer> votes = new LinkedHashMap<>();
        votes.put(a, 2);
        votes.put(b, 1);
        MessageConverter.Converted c = converter.convert(tally(KEY, votes));
        ExternalMessage.ReflectedTally t = assertInstanceOf(ExternalMessage.ReflectedTally.class, c.message());
        assertEquals("dice", t.scope());
        assertEquals("rolled", t.event());
        assertArrayEquals(new byte[] {1}, t.copies().get(0).data());
        assertEquals(2, t.copies().get(0).voters());
        assertNull(t.copies().get(1).data());
        assertEquals(1, t.mine());
        assertEquals(1, t.missing());
        assertNull(c.rejection());
    }

    @Test
    void votesForAnotherEventThanTheFirstAreLeftOutAndReported() {
        Map<String, Integer> votes = new LinkedHashMap<>();
        votes.put(vote(new byte[] {1}), 2);
        votes.put(vote("other", new byte[] {1}), 1);
        MessageConverter.Converted c = converter.convert(tally(KEY, votes));
        ExternalMessage.ReflectedTally t = (ExternalMessage.ReflectedTally) c.message();
        assertEquals("rolled", t.event());
        assertEquals(1, t.copies().size());
        assertEquals(-1, t.mine());
        assertTrue(c.rejection().contains("1 vote(s) in tally " + KEY + " were for another event"), c.rejection());
    }

    @Test
    void votesThatDoNotOpenAreLeftOutAndReported() {
        String good = vote(new byte[] {1});
        byte[] bad = Base64.getDecoder().decode(vote(new byte[] {2}));
        bad[6] ^= 1;
        Map<String, Integer> votes = new LinkedHashMap<>();
        votes.put(Base64.getEncoder().encodeToString(bad), 1);
        votes.put(good, 2);
        votes.put(envelope.sealVote(Reflections.voteContext("sid", "reflected@5#e2"),
                new Reflections.Ballot("dice", "rolled", null).encode()), 1);
        MessageConverter.Converted c = converter.convert(tally(KEY, votes));
        ExternalMessage.ReflectedTally t = (ExternalMessage.ReflectedTally) c.message();
        assertEquals(1, t.copies().size());
        assertTrue(c.rejection().startsWith("2 vote(s) in tally " + KEY), c.rejection());
    }

    @Test
    void aTallyWithNoGoodVoteRunsNothing() {
        MessageConverter.Converted c = converter.convert(tally("reflected@6#e1", Map.of(vote(null), 1)));
        assertInstanceOf(ExternalMessage.Noop.class, c.message());
        assertTrue(c.rejection().contains("failed authentication"), c.rejection());
        assertInstanceOf(ExternalMessage.Noop.class, converter.convert(tally(KEY, Map.of("x", 1))).message());
    }
}
