package dev.privatelink.dataplane.elb;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

/**
 * Copies bytes between the two sockets of one flow with backpressure: each side reads only while
 * the other side's outbound buffer is below its high-water mark, and resumes when it drains. Either
 * side closing closes the other after what is already queued has been written.
 */
final class TcpRelay extends ChannelInboundHandlerAdapter {
  static final AttributeKey<Channel> PEER = AttributeKey.valueOf("pl.peer");

  private final Channel peer;

  TcpRelay(Channel peer) {
    this.peer = peer;
  }

  /**
   * Joins two connected, auto-read-off channels and starts reading both. On {@code b} the relay goes
   * first, or right behind its TLS handler (a TLS target) so that it sees plaintext.
   */
  static void join(Channel a, Channel b) {
    a.attr(PEER).set(b);
    b.attr(PEER).set(a);
    a.pipeline().addLast("relay", new TcpRelay(b));
    if (b.pipeline().get("tls") != null) {
      b.pipeline().addAfter("tls", "relay", new TcpRelay(a));
    } else {
      b.pipeline().addFirst("relay", new TcpRelay(a));
    }
    a.read();
    b.read();
  }

  /** Ends a flow the way an NLB does on idle timeout or end of draining: a TCP RST on both sides. */
  static void reset(Channel ch) {
    Channel peer = ch.attr(PEER).get();
    rst(ch);
    if (peer != null) {
      rst(peer);
    }
  }

  private static void rst(Channel ch) {
    if (ch.isOpen()) {
      try {
        ch.config().setOption(ChannelOption.SO_LINGER, 0);
      } catch (RuntimeException ignored) {
        // a socket already shutting down cannot take the option; closing is what matters
      }
      ch.close();
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (peer.isActive()) {
      peer.write(msg, peer.voidPromise());
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    peer.flush();
    if (peer.isWritable()) {
      ctx.read();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    // this side drained below the low-water mark: the peer may read again
    if (ctx.channel().isWritable()) {
      peer.read();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (peer.isActive()) {
      peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      reset(ctx.channel());
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    reset(ctx.channel());
  }
}
