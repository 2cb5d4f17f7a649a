package dev.privatelink.dataplane.elb;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * Between the HTTP/1.1 decoder and the aggregator: a request without a body (a head directly
 * followed by an empty end, as the decoder emits a GET) becomes one {@link FullHttpRequest} on the
 * head's own headers, which the aggregator passes on as it is. Most requests have no body, and the
 * aggregator would give each a composite buffer and a wrapper of its own. Anything else (a body,
 * trailers, a decoding failure) goes to the aggregator unchanged, in order.
 */
final class BodilessRequests extends ChannelInboundHandlerAdapter {
  private @Nullable HttpRequest head;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    HttpRequest held = head;
    if (held == null) {
      if (msg instanceof HttpRequest r && !(msg instanceof FullHttpRequest) && r.decoderResult().isSuccess()) {
        head = r;
      } else {
        ctx.fireChannelRead(msg);
      }
      return;
    }
    head = null;
    if (msg instanceof LastHttpContent last && !last.content().isReadable() && last.trailingHeaders().isEmpty()
        && last.decoderResult().isSuccess()) {
      ReferenceCountUtil.release(msg);
      ctx.fireChannelRead(new DefaultFullHttpRequest(held.protocolVersion(), held.method(), held.uri(),
          Unpooled.EMPTY_BUFFER, held.headers(), last.trailingHeaders()));
      return;
    }
    ctx.fireChannelRead(held);
    ctx.fireChannelRead(msg);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    head = null; // a request head holds no buffer: nothing to release
  }
}
