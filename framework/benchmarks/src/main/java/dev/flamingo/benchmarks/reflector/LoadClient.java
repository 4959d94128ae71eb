package dev.flamingo.benchmarks.reflector;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.concurrent.Future;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One protocol client: joins, then sends SENDs whose payload carries when each was due and when it was
 * written, and records both latencies of every RECV in its own histograms. Frames are read as bytes at known offsets
 * in the read buffer ({@link ServerFrameReader}), never decoded to strings or frame objects, so the
 * generator spends its CPU on the sockets rather than on parsing. Its channel's event loop only, except
 * {@link #open} and the methods returning futures.
 */
final class LoadClient extends ChannelInboundHandlerAdapter {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    final int index;
    final CompletableFuture<LoadClient> synced = new CompletableFuture<>();
    /**
     * From when a message was due to receipt, in nanoseconds at 2 significant digits (1%), up to a minute:
     * a generator that falls behind its schedule shows here. Read after {@link #stopRecording}.
     */
    final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 2);
    /** From when a message was written to the socket to receipt; read after {@link #stopRecording}. */
    final Histogram fromWrite = new Histogram(TimeUnit.SECONDS.toNanos(60), 2);
    /** RECVs received while recording; read after {@link #stopRecording}. */
    long deliveries;
    private final String sessionId;
    private final int window;
    private final long tickMs;
    private final SendFrames frames;
    /** Where the action name starts in frames from this client's session: after {"id":"<session>","action":". */
    private final int actionAt;
    private Channel channel;
    private int outstanding;
    private boolean sending;
    /**
     * On from the start, so the warm-up also compiles the recording code: recording first switched on
     * after the warm-up ran interpreted for a moment, and the backlog it caused in the generator's one event
     * loop was 20,000 deliveries over 5 ms in the first 400 ms, 1% of a 10 s run at 100,000 msg/s: the
     * whole p99.
     */
    private boolean recording = true;
    private URI uri;
    private long lastTime = -1;
    private long lastSeq;
    private boolean snapshotting;
    private boolean unflushed;

    private LoadClient(int index, String sessionId, int window, long tickMs) {
        this.index = index;
        this.sessionId = sessionId;
        this.window = window;
        this.tickMs = tickMs;
        this.frames = new SendFrames(index);
        this.actionAt = "{\"id\":\"".length() + sessionId.length() + "\",\"action\":\"".length();
    }

    /** Connects and joins; the future completes after SYNC. */
    static LoadClient open(EventLoopGroup group, Class<? extends SocketChannel> channelType, URI base, int index,
            String sessionId, int window, long tickMs) {
        LoadClient client = new LoadClient(index, sessionId, window, tickMs);
        URI uri = URI.create(base + "/" + sessionId);
        client.uri = uri;
        WebSocketClientProtocolHandler ws = new WebSocketClientProtocolHandler(
                WebSocketClientHandshakerFactory.newHandshaker(uri, WebSocketVersion.V13, null, false,
                        new DefaultHttpHeaders(), 64 << 20));
        client.channel = new Bootstrap().group(group).channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16), ws, client);
                    }
                }).connect(uri.getHost(), uri.getPort()).syncUninterruptibly().channel();
        return client;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            // Nothing has arrived since the handshake: the server speaks only after JOIN.
            ctx.pipeline().replace(WebSocketFrameDecoder.class, "frames", new ServerFrameReader(this));
            ctx.writeAndFlush(new TextWebSocketFrame("{\"action\":\"JOIN\",\"args\":{\"name\":\"load/" + sessionId
                    + "\",\"apiKey\":\"none\",\"appId\":\"load\",\"persistentId\":\"p\",\"version\":1,"
                    + "\"user\":\"v" + index + "\",\"ticks\":{\"tick\":" + tickMs + "},\"leaveDelay\":0}}"));
        }
        super.userEventTriggered(ctx, evt);
    }

    /** One text frame from the server: {@code length} bytes at {@code from} in {@code text}, read at {@code now}. */
    void frame(ByteBuf text, int from, int length, long now) {
        if (length < actionAt + 4) {
            return;
        }
        int action = from + actionAt;
        int name = text.getInt(action);
        if (name == ('R' << 24 | 'E' << 16 | 'C' << 8 | 'V')) {
            received(text, action + "RECV\",\"args\":[".length(), from + length, now);
        } else if (name == ('R' << 24 | 'E' << 16 | 'Q' << 8 | 'U')) {
            snapshot();
        } else if (name == ('S' << 24 | 'Y' << 16 | 'N' << 8 | 'C')) {
            synced.complete(this);
        }
    }

    /** Own RECVs free window slots; what they wrote is flushed once per read burst, not per frame. */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (unflushed) {
            unflushed = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    /** {@code [time,seq,"L<due>:<client>:<written>:...",...]}, or a reflector message without an L payload. */
    private void received(ByteBuf text, int at, int end, long now) {
        int comma = text.indexOf(at, end, (byte) ',');
        lastTime = digits(text, at, comma);
        int next = text.indexOf(comma + 1, end, (byte) ',');
        lastSeq = digits(text, comma + 1, next);
        if (text.getByte(next + 1) != '"' || text.getByte(next + 2) != 'L') {
            return;
        }
        int dueAt = next + 3;
        int clientAt = dueAt + SendFrames.DIGITS + 1;
        int clientEnd = text.indexOf(clientAt, end, (byte) ':');
        if (recording) {
            long received = now - SendFrames.ORIGIN;
            latency.recordValue(Math.max(0, received - digits(text, dueAt, dueAt + SendFrames.DIGITS)));
            fromWrite.recordValue(Math.max(0, received - digits(text, clientEnd + 1, clientEnd + 1 + SendFrames.DIGITS)));
            deliveries++;
        }
        if (digits(text, clientAt, clientEnd) == index) {
            outstanding--;
            if (sending && window > 0) {
                fill();
            }
        }
    }

    private static long digits(ByteBuf text, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.getByte(i) - '0');
        }
        return value;
    }

    /**
     * Answers REQU like a real client: uploads a (dummy) snapshot file and sends SNAP at the last RECV's
     * time and seq, so the session's retained backlog is dropped instead of filling up and refusing SENDs.
     */
    private void snapshot() {
        if (snapshotting || lastTime < 0) {
            return;
        }
        long time = lastTime;
        long seq = lastSeq;
        String url = "http://" + uri.getHost() + ":" + uri.getPort() + "/files/load/" + sessionId + "/snap-" + seq
                + "-" + index;
        snapshotting = true;
        HttpRequest put = HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofString("snapshot " + seq, StandardCharsets.UTF_8)).build();
        HTTP.sendAsync(put, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> channel.eventLoop()
                .execute(() -> {
                    snapshotting = false;
                    if (e == null && r.statusCode() / 100 == 2) {
                        channel.writeAndFlush(new TextWebSocketFrame("{\"action\":\"SNAP\",\"args\":{\"time\":"
                                + time + ",\"seq\":" + seq + ",\"hash\":\"h\",\"url\":\"" + url + "\"}}"));
                    }
                }));
    }

    /** Clears the histograms and counts, counting from now on; the future completes once cleared. */
    Future<?> startRecording() {
        return channel.eventLoop().submit(() -> {
            latency.reset();
            fromWrite.reset();
            deliveries = 0;
            recording = true;
        });
    }

    /** Stops counting; once the future completes, {@link #latency} and {@link #deliveries} may be read. */
    Future<?> stopRecording() {
        return channel.eventLoop().submit(() -> recording = false);
    }

    /** Window mode: keep {@code window} own messages in flight until {@link #stop()}. */
    void startWindowed() {
        channel.eventLoop().execute(() -> {
            sending = true;
            fill();
            channel.flush();
        });
    }

    /** Paced mode (a {@link Pacer} calls {@link #sendDue}): from now on on this client's event loop. */
    void startPaced() {
        channel.eventLoop().execute(() -> sending = true);
    }

    /** Writes and flushes {@code count} messages due at {@code firstDue + i * interval}; paced mode only. */
    void sendDue(int count, long firstDue, long interval) {
        if (sending && count > 0) {
            send(count, firstDue, interval);
            unflushed = false;
            channel.flush();
        }
    }

    EventLoop eventLoop() {
        return channel.eventLoop();
    }

    private void fill() {
        send(window - outstanding, System.nanoTime(), 0);
    }

    /** Writes without flushing: the caller flushes (pacer, read burst end, or the first fill). */
    private void send(int count, long firstDue, long interval) {
        if (count <= 0) {
            return;
        }
        outstanding += count;
        unflushed = true;
        channel.write(frames.burst(channel.alloc(), count, firstDue, interval), channel.voidPromise());
    }

    void stop() {
        channel.eventLoop().execute(() -> sending = false);
    }

    void close() {
        channel.close().syncUninterruptibly();
    }
}
