package dev.flamingo.reflector.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * Refuses request bodies before they are buffered: only {@code PUT /files/...} may carry one up to the
 * file limit (the aggregator enforces that); anything else with more than a small body gets 413 and is
 * closed, so plain HTTP connections cannot make the server hold large bodies. The rest of the refused body
 * is read and discarded before closing (for at most {@link #DISCARD_SECONDS}): closing a socket with unread
 * bytes makes the kernel send a reset, which can destroy the 413 before the client has read it. Channel
 * event loop only.
 */
final class RequestGuard extends ChannelInboundHandlerAdapter {
    private static final long SMALL_BODY = 64 * 1024;
    private static final long DISCARD_SECONDS = 5;
    private boolean refusing;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            HttpRequest req = (HttpRequest) msg;
            boolean upload = req.method().equals(HttpMethod.PUT) && req.uri().startsWith("/files/");
            refusing = !upload
                    && (HttpUtil.isTransferEncodingChunked(req) || HttpUtil.getContentLength(req, 0L) > SMALL_BODY);
            if (refusing) {
                ReferenceCountUtil.release(msg);
                FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
                HttpUtil.setContentLength(res, 0);
                res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(res);
                ctx.executor().schedule(() -> ctx.close(), DISCARD_SECONDS, TimeUnit.SECONDS);
                return;
            }
        } else if (refusing && msg instanceof HttpContent) {
            boolean last = msg instanceof LastHttpContent;
            ReferenceCountUtil.release(msg);
            if (last) {
                ctx.close();
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
