package dev.flamingo.reflector.internal;

/**
 * One sequenced message as relayed: its uint32 seq (as an int), its time and its JSON array text
 * {@code [time, seq, payload, ...]}. Immutable, any thread.
 */
record Msg(int seq, long time, String json) {
}
