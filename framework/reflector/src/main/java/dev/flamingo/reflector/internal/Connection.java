package dev.flamingo.reflector.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.AttributeKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One client socket of one session. Protocol fields are owned by the session's executor; the channel
 * may be on another event loop, so everything leaves through {@link #commit()} on the session executor,
 * after the session's journal has been written (the write-before-relay rule).
 */
final class Connection {
    private static final long CLOSE_GRACE_SECONDS = 2;
    /** Queued frames are copied into write buffers of up to this size; larger frames are written as they are. */
    private static final int COALESCE_BYTES = 32 * 1024;
    /** Set once a close frame was sent: later frames from the client are ignored. */
    private static final AttributeKey<Boolean> CLOSING = AttributeKey.valueOf("flamingo.closing");
    final Channel channel;
    final String sessionId;
    final String remote;
    /** The Host header of the upgrade request: files this client can reach are on this authority. */
    final String authority;
    /** From the upgrade request's x-location header; null when absent or malformed. */
    final JsonObject location;
    final Metrics metrics;
    /** Set once on the channel's event loop when JOIN passes the socket-level checks. */
    volatile boolean joinSent;
    boolean joined;
    JsonElement user;
    boolean active;
    boolean gone;
    private final List<ByteBuf> pending = new ArrayList<>(4);
    /** Frames in {@link #pending}: an entry may hold several (a slice of a broadcast run). */
    private int pendingFrames;
    /** On the owning outbox's dirty list (session executor only). */
    boolean queued;

    Connection(Channel channel, String sessionId, String remote, String authority, JsonObject location,
               Metrics metrics) {
        this.channel = channel;
        this.sessionId = sessionId;
        this.remote = remote;
        this.authority = authority;
        this.location = location;
        this.metrics = metrics;
    }

    /**
     * A stand-in for a client that was present when the reflector stopped: it keeps the user counted
     * (like a socket within its leave grace) until the client reconnects or the restart grace ends.
     */
    static Connection ghost(String sessionId, JsonElement user, Metrics metrics) {
        Connection ghost = new Connection(null, sessionId, "ghost", "", null, metrics);
        ghost.user = user;
        ghost.joined = true;
        ghost.active = true;
        ghost.gone = true;
        return ghost;
    }

    boolean isGhost() {
        return channel == null;
    }

    /**
     * Queues one complete wire frame ({@link WireFrames}); takes ownership of one reference and never moves
     * the frame's reader index, so a broadcast can queue the same buffer, retained, on every client.
     * Returns false if dropped.
     */
    boolean enqueue(ByteBuf frame) {
        return enqueue(frame, 1);
    }

    /** Like {@link #enqueue(ByteBuf)} for a buffer holding {@code frames} complete frames. */
    boolean enqueue(ByteBuf frame, int frames) {
        if (gone) {
            frame.release();
            return false;
        }
        pending.add(frame);
        pendingFrames += frames;
        return true;
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Bytes written to this socket but not yet on the wire; TICKs skip backlogged clients. */
    boolean backlogged(int highWaterMark) {
        return channel.bytesBeforeUnwritable() < highWaterMark;
    }

    /** Writes queued frames and flushes once, or drops a client that stopped reading. */
    void commit() {
        if (pending.isEmpty()) {
            return;
        }
        if (gone || !channel.isActive()) {
            discardPending();
            return;
        }
        if (!channel.isWritable()) {
            metrics.slowConsumers.increment();
            metrics.reject("slow_consumer");
            close(CloseReason.UNRESPONSIVE, "client unresponsive: outbound buffer full");
            // A client that does not read will not read a close frame either.
            channel.close();
            return;
        }
        countOut();
        writeCoalesced();
        pending.clear();
        channel.flush();
    }

    /**
     * Copies runs of small frames into one buffer each: a burst of N frames costs one pipeline write and
     * one iovec instead of N, which is most of the per-delivery cost when a session relays at a high rate.
     */
    private void writeCoalesced() {
        ByteBuf run = null;
        for (int i = 0; i < pending.size(); i++) {
            ByteBuf frame = pending.get(i);
            int size = frame.readableBytes();
            boolean alone = size >= COALESCE_BYTES / 2 || (run == null && i == pending.size() - 1);
            if (run != null && (alone || run.writableBytes() < size)) {
                channel.write(run, channel.voidPromise());
                run = null;
            }
            if (alone) {
                // A duplicate has its own indices and shares the reference this connection holds.
                channel.write(frame.duplicate(), channel.voidPromise());
                continue;
            }
            if (run == null) {
                run = PooledByteBufAllocator.DEFAULT.directBuffer(Math.min(COALESCE_BYTES, remainingBytes(i)));
            }
            run.writeBytes(frame, frame.readerIndex(), size);
            frame.release();
        }
        if (run != null) {
            channel.write(run, channel.voidPromise());
        }
    }

    /** Counted per flush rather than per frame: the shared counters are touched once per burst. */
    private void countOut() {
        long bytes = 0;
        for (ByteBuf frame : pending) {
            bytes += frame.readableBytes();
        }
        metrics.framesOut.add(pendingFrames);
        pendingFrames = 0;
        metrics.bytesOut.add(bytes);
    }

    private int remainingBytes(int from) {
        int total = 0;
        for (int i = from; i < pending.size() && total < COALESCE_BYTES; i++) {
            total += pending.get(i).readableBytes();
        }
        return total;
    }

    /** Sends a close frame with the code and reason, then closes the socket; drops anything queued. */
    void close(CloseReason reason, String text) {
        gone = true;
        discardPending();
        closeChannel(channel, reason, text);
    }

    /**
     * Starts the closing handshake: sends the close frame once, then waits for the client's close frame
     * (the handler closes the socket on it) or cuts the socket off after a grace. Closing the socket at
     * once could reset it before the client has read the code.
     */
    static void closeChannel(Channel channel, CloseReason reason, String text) {
        if (channel == null || !channel.isActive() || channel.attr(CLOSING).getAndSet(Boolean.TRUE) != null) {
            return;
        }
        channel.writeAndFlush(new CloseWebSocketFrame(reason.code(), truncate(text)));
        channel.eventLoop().schedule(() -> channel.close(), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    static boolean closing(Channel channel) {
        return channel.attr(CLOSING).get() != null;
    }

    void discardPending() {
        pending.forEach(ByteBuf::release);
        pending.clear();
        pendingFrames = 0;
    }

    /** Close reasons must fit in a control frame (125 bytes); keep them well under. */
    private static String truncate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100);
    }

    @Override
    public String toString() {
        return remote;
    }
}
