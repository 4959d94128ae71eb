package dev.flamingo.client.internal.wire;

import com.google.gson.JsonElement;
import java.util.List;

/** A decoded reflector-to-client frame. Immutable; any thread. */
public sealed interface Inbound {

    /** Reply to JOIN: the snapshot to load (if any), every message since it, and the current time and seq. */
    record Sync(String url, List<ReflectedMessage> messages, long time, long seq, String tove, String reflector,
            String timeline, Long snapshotTime, Long snapshotSeq, boolean persisted) implements Inbound {
    }

    /** A sequenced message. */
    record Recv(ReflectedMessage message) implements Inbound {
    }

    /** Reflector time moved on without a message. */
    record Tick(long time) implements Inbound {
    }

    /** A notice for the user, e.g. {@code SNAPSHOT_NEEDED}. */
    record Info(String code, String msg, String level) implements Inbound {
    }

    /** The reflector's retained message buffer is large: please snapshot. */
    record Requ() implements Inbound {
    }

    /** Answer to PING, echoing its argument. */
    record Pong(JsonElement args) implements Inbound {
    }

    /** The reflector asks for a reconnect (close 4003 and come back). */
    record Reconnect() implements Inbound {
    }
}
