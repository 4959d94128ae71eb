package dev.flamingo.client.internal.session;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One replica's vote in a snapshot or persistence tally, and Croquet's {@code analyzeTally}: group votes by
 * hash; the largest group is the consensus (ties to the smaller hash); in each group the voter with the
 * lowest cost (CPU time) uploads. Every replica runs this on the same tally and so elects the same uploaders.
 * Immutable; any thread.
 *
 * @param viewId the voter
 * @param hash the voter's state hash
 * @param cost the voter's CPU time plus a random fraction (lowest uploads)
 * @param time the VM time of the poll the vote answers
 * @param seq the external seq at that time
 */
record Vote(String viewId, String hash, double cost, long time, long seq) {

    String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("cpuTime", cost);
        o.addProperty("hash", hash);
        o.addProperty("seq", seq);
        o.addProperty("time", time);
        o.addProperty("viewId", viewId);
        return o.toString();
    }

    /** Parses a vote payload; null when it is not one of ours. */
    static Vote parse(String json) {
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            return new Vote(o.get("viewId").getAsString(), o.get("hash").getAsString(), o.get("cpuTime").getAsDouble(),
                    o.get("time").getAsLong(), o.get("seq").getAsLong());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A group of agreeing voters and its elected uploader. */
    record Group(String hash, List<Vote> votes, Vote uploader) {
        List<String> viewIds() {
            return votes.stream().map(Vote::viewId).sorted().toList();
        }
    }

    /** Groups {@code votes} (payload → count) by hash, consensus first. */
    static List<Group> analyze(Map<String, Integer> votes) {
        Map<String, List<Vote>> byHash = new TreeMap<>();
        for (String payload : votes.keySet()) {
            Vote vote = parse(payload);
            if (vote != null) {
                byHash.computeIfAbsent(vote.hash(), h -> new ArrayList<>()).add(vote);
            }
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<Vote>> e : byHash.entrySet()) {
            Vote cheapest = e.getValue().stream().min(Comparator.comparingDouble(Vote::cost)
                    .thenComparing(Vote::viewId)).orElseThrow();
            groups.add(new Group(e.getKey(), List.copyOf(e.getValue()), cheapest));
        }
        // TreeMap order made ties fall to the smaller hash; a stable sort by size keeps that.
        groups.sort(Comparator.comparingInt((Group g) -> g.votes().size()).reversed());
        return groups;
    }
}
