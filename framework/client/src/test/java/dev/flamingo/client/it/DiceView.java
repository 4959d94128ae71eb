package dev.flamingo.client.it;

import dev.flamingo.core.Handling;
import dev.flamingo.core.Model;
import dev.flamingo.core.View;
import dev.flamingo.core.Votes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Rolls the dice and keeps every tally its replica's votes went into. */
public class DiceView extends View {
    final List<Votes<String>> tallies = new CopyOnWriteArrayList<>();

    public DiceView(Model model) {
        super(model);
        subscribe("dice", "rolled", Handling.VOTE, (Votes<String> votes) -> tallies.add(votes));
    }

    public void roll(long n) {
        publish("dice", "roll", n);
    }

    /** Asks the models to publish {@code count} reflected rolls at once. */
    public void flood(long count) {
        publish("dice", "flood", count);
    }
}
