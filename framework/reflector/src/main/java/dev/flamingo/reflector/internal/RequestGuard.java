package dev.flamingo.reflector.internal;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

/**
 * Refuses request bodies before they are buffered: only {@code PUT /files/...} may carry one up to the
 * file limit (the aggregator enforces that); anything else with more than a small body gets 413 and is
 * closed, so plain HTTP connections cannot make the server hold large bodies. Channel event loop only.
 */
final class RequestGuard extends ChannelInboundHandlerAdapter {
    private static final long SMALL_BODY = 64 * 1024;
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
                ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        } else if (refusing && msg instanceof HttpContent) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
