package dev.flamingo.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ticks per second: the reflector sends {@code rate} ticks a second into silence, and the client adds
 * {@code multiplier - 1} evenly spaced local ticks between them (Croquet's {@code "NxM"} "cheat beats").
 * Immutable; any thread.
 *
 * @param rate the requested reflector ticks per second, clamped to 1/30 .. 60 when used
 * @param multiplier local subdivisions of each reflector tick, at least 1
 */
public record Tps(double rate, int multiplier) {

    /** Croquet's default: 20 ticks a second, no local ticks. */
    public static final Tps DEFAULT = new Tps(20, 1);

    private static final Pattern NXM = Pattern.compile("(\\d+(?:\\.\\d+)?)(?:x(\\d+))?");

    /** Validates the fields; see {@link #parse(String)} for the accepted text form. */
    public Tps {
        if (!Double.isFinite(rate) || rate < 0) {
            throw new IllegalArgumentException("tps must be a finite number >= 0, got " + rate);
        }
        if (multiplier < 1 || multiplier > 1000) {
            throw new IllegalArgumentException("tps multiplier must be 1..1000, got " + multiplier);
        }
    }

    /** A plain rate without local ticks. */
    public static Tps of(double rate) {
        return new Tps(rate, 1);
    }

    /** Parses {@code "N"} or {@code "NxM"}, e.g. {@code "20"}, {@code "0.5"}, {@code "10x3"}. */
    public static Tps parse(String text) {
        Matcher m = NXM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("tps must be a number or \"NxM\" (e.g. \"10x3\"), got \"" + text + "\"");
        }
        int multiplier = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        return new Tps(Double.parseDouble(m.group(1)), Math.max(1, multiplier));
    }

    /** Milliseconds between reflector ticks: {@code 1000 / clamp(rate, 1/30, 60)}, so at most 30 s. */
    public double tickMs() {
        return 1000 / Math.max(1.0 / 30, Math.min(60, rate));
    }

    /** Milliseconds between local ticks (equal to {@link #tickMs()} without a multiplier). */
    public double localTickMs() {
        return tickMs() / multiplier;
    }

    /**
     * The JOIN {@code delay}: how long after a tick the reflector holds messages, so none is stamped before a
     * local tick this client already simulated; {@code ceil(tick * (M - 1) / M)}, 0 without local ticks.
     */
    public int delayMs() {
        return multiplier > 1 ? (int) Math.ceil(tickMs() * (multiplier - 1) / multiplier) : 0;
    }

    @Override
    public String toString() {
        String r = rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
        return multiplier > 1 ? r + "x" + multiplier : r;
    }
}
