package dev.flamingo.client.internal.session;

import dev.flamingo.core.vm.ExternalMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The plaintext inside a sealed SEND (Croquet's {@code [encodedMsg, viewId, sendTime]}): a kind, the sender's
 * view id and send time (for latency), and for events the bundle of view events. Immutable; any thread.
 *
 * @param kind what the message asks of the VM
 * @param viewId the sender's view id
 * @param sendTime the sender's clock when sent (ms), used only by the sender
 * @param events the view events (kind {@link Kind#EVENTS}), in publish order, or the one reflected event (kind
 *     {@link Kind#REFLECTED})
 * @param text free-form content for other kinds (e.g. a divergence report's file URL)
 */
record Payload(Kind kind, String viewId, long sendTime, List<ExternalMessage.ModelEvent> events, String text) {

    private static final int VERSION = 1;

    /** What a payload asks for. */
    enum Kind {
        /** View events for models. */
        EVENTS,
        /** Croquet's handlePollForSnapshot. */
        SNAPSHOT_POLL,
        /** A replica's per-message hash list after a divergent vote (client-side, a no-op for the VM). */
        DIVERGENCE_REPORT,
        /** The first copy of a model's reflected event, as a TUTTI's first message. */
        REFLECTED
    }

    /** Bytes one event adds to a payload; what the 16 KiB limit applies to. */
    static int size(ExternalMessage.ModelEvent event) {
        return event.scope().length() + event.event().length() + (event.data() == null ? 0 : event.data().length) + 8;
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(kind.ordinal());
            out.writeUTF(viewId);
            out.writeLong(sendTime);
            out.writeUTF(text == null ? "" : text);
            out.writeInt(events.size());
            for (ExternalMessage.ModelEvent e : events) {
                out.writeUTF(e.scope());
                out.writeUTF(e.event());
                out.writeInt(e.data() == null ? -1 : e.data().length);
                if (e.data() != null) {
                    out.write(e.data());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes an authenticated plaintext; a malformed one (a bug, not an attack) throws IOException. */
    static Payload decode(byte[] plain) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new IOException("payload version " + version + " is not " + VERSION);
        }
        int kind = in.readUnsignedByte();
        if (kind >= Kind.values().length) {
            throw new IOException("payload kind " + kind + " is unknown");
        }
        String viewId = in.readUTF();
        long sendTime = in.readLong();
        String text = in.readUTF();
        int count = in.readInt();
        if (count < 0 || count > plain.length) {
            throw new IOException("payload event count " + count + " is impossible");
        }
        List<ExternalMessage.ModelEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String scope = in.readUTF();
            String event = in.readUTF();
            int length = in.readInt();
            if (length < -1 || length > plain.length) {
                throw new IOException("payload data length " + length + " is impossible");
            }
            byte[] data = length < 0 ? null : in.readNBytes(length);
            events.add(new ExternalMessage.ModelEvent(scope, event, data));
        }
        if (kind == Kind.REFLECTED.ordinal() && count != 1) {
            throw new IOException("a reflected payload carries one event, not " + count);
        }
        return new Payload(Kind.values()[kind], viewId, sendTime, List.copyOf(events), text);
    }

    /** What the VM should run for this payload. */
    ExternalMessage toExternal() {
        return switch (kind) {
            case EVENTS -> events.size() == 1 ? events.get(0) : new ExternalMessage.Bundle(events);
            case SNAPSHOT_POLL -> new ExternalMessage.SnapshotPoll();
            case DIVERGENCE_REPORT -> new ExternalMessage.Noop();
            case REFLECTED -> new ExternalMessage.ReflectedEvent(events.get(0).scope(), events.get(0).event(),
                    events.get(0).data());
        };
    }
}
