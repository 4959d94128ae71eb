package dev.flamingo.client;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Croquet's {@code debug} options: each turns on logging (via {@link System.Logger} "dev.flamingo.client") of
 * one aspect, except {@link #WRITE} (guard) and {@link #OFFLINE} (no network). Immutable; any thread.
 */
public enum DebugFlag {
    /** Session id and connections and disconnections. */
    SESSION,
    /** Messages received from the reflector, after decryption. */
    MESSAGES,
    /** Messages sent to the reflector, before encryption. */
    SENDS,
    /** Snapshot polls, votes, sizes and timings. */
    SNAPSHOT,
    /** The inputs of the session id hashing. */
    HASHING,
    /** The model subscriptions, each time the replica joins (topic and handlers). */
    SUBSCRIBE,
    /** The registered classes (class id and Java class), when joining. */
    CLASSES,
    /** Every tick received or generated locally. */
    TICKS,
    /** The round trip of the PING sent on each connect (Croquet's undocumented {@code pong}). */
    PONG,
    /**
     * Detect view code writing to model state: honoured by the fx module's {@code SessionWindow}, which checks
     * the models between steps; a headless session ignores it.
     */
    WRITE,
    /** Run against an in-process reflector: no network, single user. */
    OFFLINE;

    /** Parses Croquet's comma-separated form ({@code "session,snapshot"}); plural forms are accepted. */
    public static Set<DebugFlag> parse(String text) {
        Set<DebugFlag> flags = EnumSet.noneOf(DebugFlag.class);
        for (String raw : text.split(",")) {
            String name = raw.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            flags.add(lookup(name, raw));
        }
        return flags;
    }

    private static DebugFlag lookup(String name, String raw) {
        for (DebugFlag flag : values()) {
            if (flag.name().equals(name) || (flag.name() + "S").equals(name) || flag.name().equals(name + "S")) {
                return flag;
            }
        }
        throw new IllegalArgumentException("debug flag \"" + raw.strip() + "\" is unknown; known flags: "
                + EnumSet.allOf(DebugFlag.class).toString().toLowerCase(Locale.ROOT));
    }
}
