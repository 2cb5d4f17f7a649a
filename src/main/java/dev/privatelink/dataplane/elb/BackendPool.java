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
import org.jspecify.annotations.Nullable;

/**
 * Keep-alive HTTP/1.1 connections from ALB nodes to targets. Connections are pooled per event loop
 * so that a request and its backend connection share a thread (no cross-thread hand-off per
 * request); each is made from the node's address. Every method runs on the given event loop.
 * As on AWS, the load balancer's idle timeout also bounds its connections to targets: one that
 * waits in the pool longer than that is closed, so a target's security group change reaches the
 * next request once the old connection has idled out; one that serves a request and stays silent
 * that long ends the request with a 504.
 */
final class BackendPool implements AutoCloseable {
  static final AttributeKey<ProxyExchange> EXCHANGE = AttributeKey.valueOf("pl.exchange");
  static final int CONNECT_TIMEOUT_MILLIS = 10_000;

  private final Transport transport;
  private final String netns;
  private final IntSupplier idleTimeoutSeconds;
  private final Map<Key, ArrayDeque<Channel>> idle = new ConcurrentHashMap<>();

  record Key(EventLoop loop, String localIp, TargetKey target) {}

  BackendPool(Transport transport, String netns, IntSupplier idleTimeoutSeconds) {
    this.transport = transport;
    this.netns = netns;
    this.idleTimeoutSeconds = idleTimeoutSeconds;
  }

  /** The most recently released open connection to the key's target, or null when there is none. */
  @Nullable Channel pooled(Key key) {
    ArrayDeque<Channel> q = idle.get(key);
    while (q != null && !q.isEmpty()) {
      Channel ch = q.pollFirst();
      if (ch.isActive()) {
        return ch;
      }
    }
    return null;
  }

  /**
   * A new connection to the key's target from the node's address. It fails with a
   * {@link io.netty.channel.ConnectTimeoutException} after 10 s, or after the idle timeout when
   * that is shorter, the time a request may wait for its target in all.
   */
  ChannelFuture connect(Key key) {
    int idleSeconds = idleTimeoutSeconds.getAsInt();
    ChannelFuture f = transport.connector(key.loop(), netns)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(CONNECT_TIMEOUT_MILLIS, idleSeconds * 1000L))
        .localAddress(key.localIp(), 0)
        .handler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new IdleTimeout(idleSeconds), new HttpClientCodec(4096, 16384, 65536),
                new BackendHandler());
          }
        })
        .connect(new InetSocketAddress(key.target().ip(), key.target().port()));
    f.channel().closeFuture().addListener(c -> {
      ArrayDeque<Channel> d = idle.get(key);
      if (d != null) {
        d.remove(f.channel());
      }
    });
    return f;
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

    /**
     * Silent for the idle timeout: in the pool it is closed; serving a request, the request ends in
     * a 504 (nothing sent or received on it for that long). The connection's one timer serves both,
     * so a request schedules and cancels none of its own.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (!(evt instanceof IdleStateEvent)) {
        ctx.fireUserEventTriggered(evt);
        return;
      }
      ProxyExchange ex = ctx.channel().attr(EXCHANGE).get();
      if (ex == null) {
        ctx.close();
      } else {
        ex.onBackendIdle();
      }
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
