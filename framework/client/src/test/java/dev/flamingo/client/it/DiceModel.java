package dev.flamingo.client.it;

import dev.flamingo.core.Model;
import dev.flamingo.core.Votes;
import dev.flamingo.core.guard.AllowNondeterminism;
import java.util.ArrayList;
import java.util.List;

/**
 * Reflected dice: a view's roll makes every replica publish the same reflected value, except the replica told
 * to cheat, which publishes another (from data outside the model, as a replica that diverged would).
 */
public class DiceModel extends Model {

    /** The root model of the replica that publishes other data: for the divergence tests only. */
    @AllowNondeterminism("test fixture: injects divergent copies on purpose")
    static volatile Object cheatingModel;

    final ArrayList<String> rolled = new ArrayList<>();
    final ArrayList<String> divergences = new ArrayList<>();

    @Override
    protected void init(Object options) {
        subscribe("dice", "roll", this::onRoll);
        subscribe("dice", "flood", this::onFlood);
        subscribe("dice", "rolled", this::onRolled);
        if (watchesDivergence()) {
            subscribeDivergence("dice", "rolled", this::onDiverged);
        }
    }

    boolean watchesDivergence() {
        return true;
    }

    void onRoll(Long n) {
        publishReflected("dice", "rolled", (cheating() ? "cheat-" : "roll-") + n);
    }

    /** More reflected events in one go than the reflector takes frames a second from one client. */
    void onFlood(Long count) {
        for (long i = 1; i <= count; i++) {
            publishReflected("dice", "rolled", "flood-" + i);
        }
    }

    @AllowNondeterminism("test fixture: injects divergent copies on purpose")
    private boolean cheating() {
        return this == cheatingModel;
    }

    void onRolled(String value) {
        rolled.add(value);
    }

    void onDiverged(Votes<String> votes) {
        List<String> copies = new ArrayList<>();
        for (Votes.Copy<String> copy : votes.copies()) {
            copies.add(copy.data() + " x" + copy.voters());
        }
        copies.sort(null);
        divergences.add(copies + (votes.mine() == null ? "" : " mine?!"));
    }

    List<String> rolled() {
        return List.copyOf(rolled);
    }

    List<String> divergences() {
        return List.copyOf(divergences);
    }

    /** The same dice without a divergence subscriber: disagreement is an uncaptured divergence. */
    public static class Careless extends DiceModel {
        @Override
        boolean watchesDivergence() {
            return false;
        }
    }
}
