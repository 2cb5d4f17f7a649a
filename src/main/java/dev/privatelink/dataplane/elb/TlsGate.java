package dev.privatelink.dataplane.elb;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * Sits behind the SslHandler of one side of an NLB TLS flow until the relay is joined: runs
 * {@code onHandshake} once the handshake succeeds and {@code onFailure} if it fails (the
 * SslHandler has then sent its alert), and holds the plaintext that arrives in between, so that
 * {@link #release} can hand it to the peer in order.
 */
final class TlsGate extends ChannelInboundHandlerAdapter {
  static final String NAME = "tls-gate";

  private final Runnable onHandshake;
  private final Runnable onFailure;
  private final ArrayDeque<Object> held = new ArrayDeque<>();
  private boolean failed;

  TlsGate(Runnable onHandshake, Runnable onFailure) {
    this.onHandshake = onHandshake;
    this.onFailure = onFailure;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof SslHandshakeCompletionEvent e) {
      if (e.isSuccess()) {
        onHandshake.run();
      } else {
        fail();
      }
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    held.add(msg);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    fail();
    ctx.fireChannelInactive();
  }

  private void fail() {
    if (!failed) {
      failed = true;
      onFailure.run();
    }
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    held.forEach(ReferenceCountUtil::safeRelease);
    held.clear();
  }

  /** Removes the gate from {@code ch} (if there) and writes what it held to {@code peer}; call on the event loop. */
  static void release(Channel ch, Channel peer) {
    if (!(ch.pipeline().get(NAME) instanceof TlsGate gate)) {
      return;
    }
    Object msg;
    boolean any = false;
    while ((msg = gate.held.poll()) != null) {
      peer.write(msg, peer.voidPromise());
      any = true;
    }
    ch.pipeline().remove(gate);
    if (any) {
      peer.flush();
    }
  }
}
