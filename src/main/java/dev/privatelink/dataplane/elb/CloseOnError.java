package dev.privatelink.dataplane.elb;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Ends a channel on any error that no other handler claimed: resets from peers are normal traffic here. */
@ChannelHandler.Sharable
final class CloseOnError extends ChannelInboundHandlerAdapter {
  static final CloseOnError INSTANCE = new CloseOnError();

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
