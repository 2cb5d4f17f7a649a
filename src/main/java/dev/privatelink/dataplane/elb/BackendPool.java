package dev.privatelink.dataplane.elb;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Keep-alive HTTP/1.1 connections from ALB nodes to targets. Connections are pooled per event loop
 * so that a request and its backend connection share a thread (no cross-thread hand-off per
 * request); each is made from the node's address. Every method runs on the given event loop.
 * As on AWS, the load balancer's idle timeout also bounds its connections to targets: one that
 * waits in the pool longer than that is closed, so a target's security group change reaches the
 * next request once the old connection has idled out.
 */
final class BackendPool implements AutoCloseable {
  static final AttributeKey<ProxyExchange> EXCHANGE = AttributeKey.valueOf("pl.exchange");
  static final int CONNECT_TIMEOUT_MILLIS = 10_000;

  private final Transport transport;
  private final String netns;
  private final IntSupplier idleTimeoutSeconds;
  private final Map<Key, ArrayDeque<Channel>> idle = new ConcurrentHashMap<>();

  record Key(EventLoop loop, String localIp, TargetKey target) {}

  /** A connection on its way: {@code reused} when it came from the pool (and may have gone stale). */
  record Lease(ChannelFuture future, boolean reused) {}

  BackendPool(Transport transport, String netns, IntSupplier idleTimeoutSeconds) {
    this.transport = transport;
    this.netns = netns;
    this.idleTimeoutSeconds = idleTimeoutSeconds;
  }

  Lease acquire(Key key, boolean fresh) {
    ArrayDeque<Channel> q = idle.get(key);
    while (!fresh && q != null && !q.isEmpty()) {
      Channel ch = q.pollFirst();
      if (ch.isActive()) {
        return new Lease(ch.newSucceededFuture(), true);
      }
    }
    ChannelFuture f = transport.connector(key.loop(), netns)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
        .localAddress(key.localIp(), 0)
        .handler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new IdleTimeout(idleTimeoutSeconds.getAsInt()),
                new HttpClientCodec(4096, 16384, 65536), new BackendHandler());
          }
        })
        .connect(new InetSocketAddress(key.target().ip(), key.target().port()));
    f.channel().closeFuture().addListener(c -> {
      ArrayDeque<Channel> d = idle.get(key);
      if (d != null) {
        d.remove(f.channel());
      }
    });
    return new Lease(f, false);
  }

  /** Puts a connection whose last response ended cleanly back for the next request. */
  void release(Key key, Channel ch) {
    ch.attr(EXCHANGE).set(null);
    ch.config().setAutoRead(true);
    if (ch.isActive()) {
      idle.computeIfAbsent(key, k -> new ArrayDeque<>()).offerFirst(ch);
    }
  }

  /** Closes the connections waiting in the pool (the ones serving a request finish it first). */
  void closeIdle() {
    idle.values().forEach(q -> List.copyOf(q).forEach(ch -> ch.eventLoop().execute(() -> {
      if (ch.attr(EXCHANGE).get() == null) {
        ch.close();
      }
    })));
  }

  @Override
  public void close() {
    // Closing a channel takes it out of its queue, so close copies.
    idle.values().forEach(q -> List.copyOf(q).forEach(Channel::close));
    idle.clear();
  }

  /** Delivers a backend's response to the exchange it serves; data on an idle connection closes it. */
  private static final class BackendHandler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ProxyExchange ex = ctx.channel().attr(EXCHANGE).get();
      if (ex == null) {
        ReferenceCountUtil.release(msg);
        ctx.close();
        return;
      }
      ex.onBackend(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ProxyExchange ex = ctx.channel().attr(EXCHANGE).get();
      if (ex != null) {
        ex.onBackendReadComplete();
      }
    }

    /** Idle in the pool for the timeout: closed. A request in flight has its own timer (ProxyExchange). */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof IdleStateEvent && ctx.channel().attr(EXCHANGE).get() == null) {
        ctx.close();
        return;
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      ProxyExchange ex = ctx.channel().attr(EXCHANGE).get();
      if (ex != null) {
        ex.onBackendClosed();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
