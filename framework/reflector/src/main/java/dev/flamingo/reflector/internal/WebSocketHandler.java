package dev.flamingo.reflector.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Socket-level handling of one client on its channel's event loop: rate limit, JSON validation, the
 * idle and never-joined timers; valid frames are handed to the session's executor as tasks. A refused
 * frame closes only this socket. Channel event loop only.
 */
final class WebSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger LOG = System.getLogger(WebSocketHandler.class.getName());
    private final Connection conn;
    private final Session session;
    private final SessionServices services;
    private final IpLimiter ipLimiter;
    private final String ip;
    private final RateLimiter rate;
    private boolean opened;
    /** Frames and bytes read since the last read burst ended; added to the shared counters once per burst. */
    private long framesIn;
    private long bytesIn;

    WebSocketHandler(Connection conn, Session session, SessionServices services, IpLimiter ipLimiter, String ip) {
        this.conn = conn;
        this.session = session;
        this.services = services;
        this.ipLimiter = ipLimiter;
        this.ip = ip;
        this.rate = new RateLimiter(services.config().maxMessagesPerSecond(), System.nanoTime());
    }

    /** Called once the handshake completed: the socket joins its session and the join timer starts. */
    void opened(ChannelHandlerContext ctx) {
        opened = true;
        services.metrics().connections.incrementAndGet();
        services.metrics().connectionsTotal.increment();
        if (session.executor.inEventLoop()) {
            session.attach(conn);
        } else {
            session.executor.execute(() -> session.attach(conn));
        }
        ctx.executor().schedule(() -> {
            if (!conn.joinSent) {
                refuse("no_join", CloseReason.NO_JOIN, "client never joined");
            }
        }, services.config().joinTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof CloseWebSocketFrame) {
            closeReceived(ctx, (CloseWebSocketFrame) frame);
        } else if (Connection.closing(ctx.channel())) {
            return;
        } else if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
            ByteBuf content = frame.content();
            framesIn++;
            bytesIn += content.readableBytes();
            if (!rate.tryAcquire(System.nanoTime())) {
                refuse("rate_limited", CloseReason.RATE_LIMITED,
                        "over " + services.config().maxMessagesPerSecond() + " frames/s");
                return;
            }
            accept(content.toString(StandardCharsets.UTF_8));
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (framesIn > 0) {
            services.metrics().framesIn.add(framesIn);
            services.metrics().bytesIn.add(bytesIn);
            framesIn = 0;
            bytesIn = 0;
        }
        ctx.fireChannelReadComplete();
    }

    /** The client's half of the closing handshake: echo it unless we started, then close the socket. */
    private void closeReceived(ChannelHandlerContext ctx, CloseWebSocketFrame frame) {
        if (Connection.closing(ctx.channel())) {
            ctx.close();
        } else {
            int code = frame.statusCode();
            CloseWebSocketFrame echo = code < 0 ? new CloseWebSocketFrame() : new CloseWebSocketFrame(code, "");
            ctx.writeAndFlush(echo).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void accept(String text) {
        Frame frame;
        try {
            frame = Frame.parse(text);
        } catch (ProtocolException e) {
            refuse(e.label, e.reason, e.getMessage());
            return;
        }
        if ("JOIN".equals(frame.action())) {
            conn.joinSent = true;
        }
        if (session.executor.inEventLoop()) {
            session.guarded(conn, () -> session.handle(conn, frame));
        } else {
            session.executor.execute(() -> session.guarded(conn, () -> session.handle(conn, frame)));
        }
    }

    private void refuse(String label, CloseReason reason, String text) {
        services.metrics().reject(label);
        LOG.log(Level.DEBUG, "socket-refused session={0} remote={1} code={2} reason={3}", conn.sessionId, conn,
                String.valueOf(reason.code()), text);
        Connection.closeChannel(conn.channel, reason, text);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            refuse("idle", CloseReason.INACTIVE, "client inactive");
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    /** Runs once when the socket closes, whether or not it got as far as {@link #opened}. */
    void closed() {
        if (opened) {
            services.metrics().connections.decrementAndGet();
        }
        ipLimiter.release(ip);
        session.executor.execute(() -> {
            session.guarded(null, () -> session.detach(conn));
            services.registry().release(session);
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        services.metrics().reject("socket_error");
        LOG.log(Level.DEBUG, "socket-error session={0} remote={1}: {2}", conn.sessionId, conn, cause.toString());
        ctx.close();
    }
}
