package dev.flamingo.benchmarks.reflector;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * One protocol client: joins, then sends SENDs whose payload carries the send time, and records the
 * send-to-receipt latency of every RECV it gets. Its channel's event loop only, except {@link #open}.
 */
final class LoadClient extends SimpleChannelInboundHandler<TextWebSocketFrame> {
    private static final String PAD = "x".repeat(120);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    final int index;
    final CompletableFuture<LoadClient> synced = new CompletableFuture<>();
    private final String sessionId;
    private final Recorder latency;
    private final LongAdder deliveries;
    private final int window;
    private final long tickMs;
    private Channel channel;
    private int outstanding;
    private boolean sending;
    private volatile boolean recording;
    private io.netty.util.concurrent.ScheduledFuture<?> pacer;
    private URI uri;
    private String lastRecv;
    private boolean snapshotting;

    private LoadClient(int index, String sessionId, Recorder latency, LongAdder deliveries, int window, long tickMs) {
        this.index = index;
        this.sessionId = sessionId;
        this.latency = latency;
        this.deliveries = deliveries;
        this.window = window;
        this.tickMs = tickMs;
    }

    /** Connects and joins; the future completes after SYNC. */
    static LoadClient open(EventLoopGroup group, URI base, int index, String sessionId, Recorder latency,
                           LongAdder deliveries, int window, long tickMs) {
        LoadClient client = new LoadClient(index, sessionId, latency, deliveries, window, tickMs);
        URI uri = URI.create(base + "/" + sessionId);
        client.uri = uri;
        WebSocketClientProtocolHandler ws = new WebSocketClientProtocolHandler(
                WebSocketClientHandshakerFactory.newHandshaker(uri, WebSocketVersion.V13, null, false,
                        new DefaultHttpHeaders(), 64 << 20));
        client.channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16), ws,
                                new WebSocketFrameAggregator(64 << 20), client);
                    }
                }).connect(uri.getHost(), uri.getPort()).syncUninterruptibly().channel();
        return client;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            ctx.writeAndFlush(new TextWebSocketFrame("{\"action\":\"JOIN\",\"args\":{\"name\":\"load/" + sessionId
                    + "\",\"apiKey\":\"none\",\"appId\":\"load\",\"persistentId\":\"p\",\"version\":1,"
                    + "\"user\":\"v" + index + "\",\"ticks\":{\"tick\":" + tickMs + "},\"leaveDelay\":0}}"));
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
        String text = frame.text();
        int at = text.indexOf("\"L");
        if (at >= 0) {
            lastRecv = text;
            int colon = text.indexOf(':', at);
            long sent = Long.parseLong(text, at + 2, colon, 10);
            if (recording) {
                latency.recordValue(Math.max(0, System.nanoTime() - sent));
                deliveries.increment();
            }
            int end = text.indexOf(':', colon + 1);
            if (Integer.parseInt(text, colon + 1, end, 10) == index) {
                outstanding--;
                if (sending && window > 0) {
                    fill();
                }
            }
        } else if (text.contains("\"REQU\"")) {
            snapshot();
        } else if (text.contains("\"SYNC\"")) {
            synced.complete(this);
        }
    }

    /**
     * Answers REQU like a real client: uploads a (dummy) snapshot file and sends SNAP at the last RECV's
     * time and seq, so the session's retained backlog is dropped instead of filling up and refusing SENDs.
     */
    private void snapshot() {
        if (snapshotting || lastRecv == null) {
            return;
        }
        int args = lastRecv.indexOf("\"args\":[") + 8;
        int comma = lastRecv.indexOf(',', args);
        String time = lastRecv.substring(args, comma);
        String seq = lastRecv.substring(comma + 1, lastRecv.indexOf(',', comma + 1));
        String url = "http://" + uri.getHost() + ":" + uri.getPort() + "/files/load/" + sessionId + "/snap-" + seq
                + "-" + index;
        snapshotting = true;
        HttpRequest put = HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofString("snapshot " + seq)).build();
        HTTP.sendAsync(put, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> channel.eventLoop()
                .execute(() -> {
                    snapshotting = false;
                    if (e == null && r.statusCode() / 100 == 2) {
                        channel.writeAndFlush(new TextWebSocketFrame("{\"action\":\"SNAP\",\"args\":{\"time\":"
                                + time + ",\"seq\":" + seq + ",\"hash\":\"h\",\"url\":\"" + url + "\"}}"));
                    }
                }));
    }

    void record(boolean on) {
        recording = on;
    }

    /** Window mode: keep {@code window} own messages in flight until {@link #stop()}. */
    void startWindowed() {
        channel.eventLoop().execute(() -> {
            sending = true;
            fill();
        });
    }

    /** Paced mode: {@code perSecond} messages, sent in small bursts every millisecond or so. */
    void startPaced(double perSecond) {
        long periodMicros = Math.max(1000, (long) (1e6 / perSecond));
        double perPeriod = perSecond * periodMicros / 1e6;
        double[] credit = {0};
        channel.eventLoop().execute(() -> sending = true);
        pacer = channel.eventLoop().scheduleAtFixedRate(() -> {
            if (!sending) {
                return;
            }
            credit[0] += perPeriod;
            while (credit[0] >= 1) {
                credit[0] -= 1;
                send();
            }
            channel.flush();
        }, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
    }

    private void fill() {
        while (outstanding < window) {
            send();
        }
        channel.flush();
    }

    private void send() {
        outstanding++;
        channel.write(new TextWebSocketFrame("{\"action\":\"SEND\",\"args\":[0,0,\"L" + System.nanoTime() + ":"
                + index + ":" + PAD + "\",0]}"), channel.voidPromise());
    }

    void stop() {
        channel.eventLoop().execute(() -> sending = false);
        if (pacer != null) {
            pacer.cancel(false);
        }
    }

    void close() {
        channel.close().syncUninterruptibly();
    }
}
