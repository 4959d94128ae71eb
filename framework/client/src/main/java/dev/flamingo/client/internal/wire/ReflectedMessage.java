package dev.flamingo.client.internal.wire;

import com.google.gson.JsonObject;

/**
 * One sequenced message as the reflector relays it ({@code [time, seq, payload, latency?]}): either a sealed
 * client payload or a reflector-made meta object such as {@code {what:"users"}}. Immutable; any thread.
 *
 * @param time reflector time in ms
 * @param seq reflector sequence number as an unsigned 32-bit value
 * @param sealed the encrypted payload sent by a client, or null for a meta message
 * @param meta the reflector's own payload, or null for a client message
 */
public record ReflectedMessage(long time, long seq, String sealed, JsonObject meta) {

    /** True for reflector-made payloads ({@code users}, {@code tally}). */
    public boolean isMeta() {
        return meta != null;
    }

    /** The meta payload's {@code what}, or null for a client message. */
    public String what() {
        return meta == null || !meta.has("what") ? null : meta.get("what").getAsString();
    }
}
