package dev.flamingo.reflector.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that has not become a WebSocket once nothing moved on it (no request bytes read, no
 * response bytes written) for the join timeout. The WebSocket idle and join timers only start after the
 * upgrade, so without this a socket that never sends a request, stops halfway through one, or whose peer
 * vanished would stay open forever, outside every WebSocket limit. Removed when the socket upgrades.
 * Channel event loop only.
 */
final class HttpIdleTimeout extends IdleStateHandler {
    private final Metrics metrics;

    HttpIdleTimeout(long timeoutMs, Metrics metrics) {
        super(true, 0, 0, timeoutMs, TimeUnit.MILLISECONDS);
        this.metrics = metrics;
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent evt) {
        metrics.reject("http_idle");
        ctx.close();
    }
}
