package dev.privatelink.dataplane.elb;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Counts the bytes of a flow carried in memory, at the socket (what the kernel would have counted),
 * and reports them to its {@link FlowObserver} when the flow ends. Only added when someone observes.
 */
final class FlowBytes extends ChannelDuplexHandler {
  private final FlowObserver.Flow flow;
  private final FlowObserver observer;
  private long in;
  private long out;

  FlowBytes(FlowObserver.Flow flow, FlowObserver observer) {
    this.flow = flow;
    this.observer = observer;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf b) {
      in += b.readableBytes();
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof ByteBuf b) {
      out += b.readableBytes();
    }
    ctx.write(msg, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    observer.closed(flow, in, out);
    ctx.fireChannelInactive();
  }
}
