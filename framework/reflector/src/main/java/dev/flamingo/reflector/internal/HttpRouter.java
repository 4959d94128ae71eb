package dev.flamingo.reflector.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Routes one HTTP request: a WebSocket upgrade on any path joins the session named by the last path
 * segment; {@code /files/...} is the file area (GET, HEAD, PUT, OPTIONS with CORS as in
 * Croquet-in-a-Box); {@code /metrics}, {@code /healthz}, and {@code /sessions} (API key required).
 * Channel event loop; file I/O runs on a separate executor.
 */
final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = System.getLogger(HttpRouter.class.getName());
    private final SessionServices services;
    private final IpLimiter ipLimiter;
    private final Executor fileIo;

    HttpRouter(SessionServices services, IpLimiter ipLimiter, Executor fileIo) {
        this.services = services;
        this.ipLimiter = ipLimiter;
        this.fileIo = fileIo;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!req.decoderResult().isSuccess()) {
            respond(ctx, req, HttpResponseStatus.BAD_REQUEST, "bad request\n", false);
            return;
        }
        String path = new QueryStringDecoder(req.uri()).path();
        if (req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            upgrade(ctx, req, path, sessionIdOf(req.uri()));
        } else if (path.startsWith("/files/")) {
            files(ctx, req, path.substring(7));
        } else if (path.equals("/healthz")) {
            respond(ctx, req, HttpResponseStatus.OK, "ok\n", false);
        } else if (path.equals("/metrics")) {
            respond(ctx, req, HttpResponseStatus.OK, services.metrics().render(), false);
        } else if (path.equals("/sessions")) {
            sessions(ctx, req);
        } else if (path.equals("/")) {
            respond(ctx, req, HttpResponseStatus.OK, "Flamingo reflector (Croquet protocol v1)\n", false);
        } else {
            respond(ctx, req, HttpResponseStatus.NOT_FOUND, "not found\n", false);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.ERROR, "http-error remote=" + ctx.channel().remoteAddress(), cause);
        services.metrics().reject("http_error");
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.INTERNAL_SERVER_ERROR, Unpooled.EMPTY_BUFFER);
        HttpUtil.setContentLength(res, 0);
        ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }

    // ---- WebSocket ----

    /** The last segment of the raw path, decoded afterwards so an encoded slash cannot pick another one. */
    static String sessionIdOf(String uri) {
        int query = uri.indexOf('?');
        String rawPath = query < 0 ? uri : uri.substring(0, query);
        String segment = rawPath.substring(rawPath.lastIndexOf('/') + 1);
        try {
            return URLDecoder.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest req, String path, String id) {
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                "ws://" + req.headers().get(HttpHeaderNames.HOST, "localhost") + path, null, false,
                services.config().maxFrameBytes()).newHandshaker(req);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        if (!SessionRegistry.validId(id)) {
            // Croquet answers a missing session id with close code 4100 after the upgrade.
            services.metrics().reject("bad_session_id");
            Channel channel = ctx.channel();
            channel.pipeline().addLast("closer", new SimpleChannelInboundHandler<CloseWebSocketFrame>() {
                @Override
                protected void channelRead0(ChannelHandlerContext c, CloseWebSocketFrame frame) {
                    c.close();
                }
            });
            ctx.pipeline().remove(this);
            channel.pipeline().remove(HttpIdleTimeout.class);
            handshaker.handshake(channel, req).addListener(f -> Connection.closeChannel(channel,
                    CloseReason.BAD_PROTOCOL, "missing or invalid session id"));
            return;
        }
        String ip = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
        if (!ipLimiter.tryAcquire(ip)) {
            services.metrics().reject("too_many_connections");
            respond(ctx, req, HttpResponseStatus.TOO_MANY_REQUESTS, "too many connections from " + ip + "\n", false);
            return;
        }
        Session session = services.registry().acquire(id);
        if (session == null) {
            ipLimiter.release(ip);
            respond(ctx, req, HttpResponseStatus.SERVICE_UNAVAILABLE, "too many sessions\n", false);
            return;
        }
        String remote = ip + ":" + ((InetSocketAddress) ctx.channel().remoteAddress()).getPort();
        Connection conn = new Connection(ctx.channel(), session.id, remote,
                req.headers().get(HttpHeaderNames.HOST, ""),
                UserLocation.parse(req.headers().getAll(UserLocation.HEADER)), services.metrics());
        WebSocketHandler handler = new WebSocketHandler(conn, session, services, ipLimiter, ip);
        Channel channel = ctx.channel();
        // No reads until the socket sits on its session's event loop with its handlers in place.
        channel.config().setAutoRead(false);
        channel.closeFuture().addListener(f -> handler.closed());
        ctx.pipeline().remove(this);
        // Its timers run on this event loop; the socket may move to its session's loop, which arms its own.
        channel.pipeline().remove(HttpIdleTimeout.class);
        handshaker.handshake(channel, req).addListener(f -> {
            if (!f.isSuccess()) {
                channel.close();
            } else {
                moveToSessionLoop(channel, (EventLoop) session.executor, handler);
            }
        });
    }

    /**
     * Re-registers the socket on the session's event loop, so frames, sequencing and writes for one
     * session all happen on one thread without task hand-offs; then installs the frame handlers.
     */
    private void moveToSessionLoop(Channel channel, EventLoop loop, WebSocketHandler handler) {
        if (channel.eventLoop() == loop) {
            install(channel, handler);
            return;
        }
        channel.deregister().addListener(d -> loop.register(channel).addListener(r -> {
            if (r.isSuccess()) {
                install(channel, handler);
            } else {
                channel.unsafe().closeForcibly();
            }
        }));
    }

    private void install(Channel channel, WebSocketHandler handler) {
        // Only HTTP requests needed the guard; every WebSocket frame would pass through it.
        channel.pipeline().remove(RequestGuard.class);
        long idle = services.config().idleTimeoutMs();
        channel.pipeline().addLast("idle", new IdleStateHandler(idle, 0, 0, TimeUnit.MILLISECONDS));
        channel.pipeline().addLast("aggregate", new WebSocketFrameAggregator(services.config().maxFrameBytes()));
        channel.pipeline().addLast("ws", handler);
        handler.opened(channel.pipeline().context(handler));
        channel.config().setAutoRead(true);
    }

    // ---- files ----

    private void files(ChannelHandlerContext ctx, FullHttpRequest req, String relative) {
        HttpMethod method = req.method();
        if (method.equals(HttpMethod.OPTIONS)) {
            respond(ctx, req, HttpResponseStatus.NO_CONTENT, "", true);
            return;
        }
        Path file = services.files().resolve(relative);
        if (file == null) {
            services.metrics().reject("bad_file_path");
            respond(ctx, req, HttpResponseStatus.BAD_REQUEST, "refused path\n", true);
            return;
        }
        if (method.equals(HttpMethod.PUT)) {
            byte[] body = ByteBufUtil.getBytes(req.content());
            fileIo.execute(() -> put(ctx, req, file, body));
        } else if (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD)) {
            req.retain();
            fileIo.execute(() -> {
                try {
                    get(ctx, req, file);
                } finally {
                    req.release();
                }
            });
        } else {
            respond(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET, PUT or OPTIONS\n", true);
        }
    }

    private void put(ChannelHandlerContext ctx, FullHttpRequest req, Path file, byte[] body) {
        try {
            FileStore.PutResult result = services.files().put(file, body);
            switch (result) {
                case CREATED -> respond(ctx, req, HttpResponseStatus.CREATED, "created\n", true);
                case UNCHANGED -> respond(ctx, req, HttpResponseStatus.OK, "unchanged\n", true);
                default -> {
                    services.metrics().reject("file_exists");
                    respond(ctx, req, HttpResponseStatus.CONFLICT, "file exists with other content\n", true);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "file-put-failed path=" + file, e);
            respond(ctx, req, HttpResponseStatus.INTERNAL_SERVER_ERROR, "storage error\n", true);
        }
    }

    private void get(ChannelHandlerContext ctx, FullHttpRequest req, Path file) {
        if (!Files.isRegularFile(file)) {
            respond(ctx, req, HttpResponseStatus.NOT_FOUND, "not found\n", true);
            return;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    req.method().equals(HttpMethod.HEAD) ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
            res.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
            send(ctx, req, res, true, bytes.length);
        } catch (IOException e) {
            respond(ctx, req, HttpResponseStatus.INTERNAL_SERVER_ERROR, "storage error\n", true);
        }
    }

    // ---- /sessions ----

    private void sessions(ChannelHandlerContext ctx, FullHttpRequest req) {
        String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION, "");
        String key = auth.startsWith("Bearer ") ? auth.substring(7).trim() : null;
        if (services.config().apiKeys() == null || key == null || !services.config().apiKeys().contains(key)) {
            services.metrics().reject("sessions_unauthorized");
            respond(ctx, req, HttpResponseStatus.FORBIDDEN, "an API key is required\n", false);
            return;
        }
        StringBuilder body = new StringBuilder();
        for (Session s : services.registry().all()) {
            body.append(s.id).append(' ').append(s.refs).append(' ').append(s.st.appId).append('\n');
        }
        respond(ctx, req, HttpResponseStatus.OK, body.toString(), false);
    }

    // ---- responses ----

    private void respond(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String text,
                         boolean cors) {
        ByteBuf body = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        send(ctx, req, res, cors, body.readableBytes());
    }

    private static void send(ChannelHandlerContext ctx, FullHttpRequest req, FullHttpResponse res, boolean cors,
                             int length) {
        if (cors) {
            res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, PUT, OPTIONS");
            res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS,
                    "Content-Type, X-Croquet-Auth, X-Croquet-App, X-Croquet-Id, X-Croquet-Version, "
                            + "X-Croquet-Path, X-Croquet-Session");
            res.headers().set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "86400");
        }
        HttpUtil.setContentLength(res, length);
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        HttpUtil.setKeepAlive(res, keepAlive);
        var future = ctx.writeAndFlush(res);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
