package dev.flamingo.client.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VoteTest {

    private static Map<String, Integer> tally(Vote... votes) {
        Map<String, Integer> tally = new LinkedHashMap<>();
        for (Vote v : votes) {
            tally.put(v.toJson(), 1);
        }
        return tally;
    }

    @Test
    void majorityHashWinsAndTheCheapestVoterUploads() {
        List<Vote.Group> groups = Vote.analyze(tally(new Vote("a", "h2", 30.5, 9, 1), new Vote("b", "h1", 10.1, 9, 1),
                new Vote("c", "h2", 20.7, 9, 1)));
        assertEquals(2, groups.size());
        assertEquals("h2", groups.get(0).hash());
        assertEquals("c", groups.get(0).uploader().viewId());
        assertEquals(List.of("a", "c"), groups.get(0).viewIds());
        assertEquals("b", groups.get(1).uploader().viewId());
    }

    @Test
    void tieGoesToTheSmallerHash() {
        List<Vote.Group> groups = Vote.analyze(tally(new Vote("a", "hb", 1, 9, 1), new Vote("b", "ha", 2, 9, 1)));
        assertEquals("ha", groups.get(0).hash());
    }

    @Test
    void foreignPayloadsAreIgnored() {
        assertEquals(List.of(), Vote.analyze(Map.of("{\"not\":\"a vote\"}", 1, "garbage", 2)));
    }
}
