package dev.privatelink.dataplane.elb;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AttributeKey;

/**
 * The client side of an ALB listener: TLS (with SNI when the listener has several certificates)
 * for HTTPS, then HTTP/2 or HTTP/1.1 as ALPN decides (plain HTTP is HTTP/1.1), each request handed to an {@link AlbRequestHandler}. A
 * connection with nothing in flight for the idle timeout is closed.
 */
final class AlbFrontend extends ChannelInitializer<Channel> {
  static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;
  /** Set on a connection an NLB handed over in memory: the addresses it has as the ALB sees it. */
  static final AttributeKey<FlowObserver.Flow> IN_MEMORY_FLOW = AttributeKey.valueOf("pl.alb.flow");

  private final AlbRuntime runtime;
  private final int port;

  AlbFrontend(AlbRuntime runtime, int port) {
    this.runtime = runtime;
    this.port = port;
  }

  @Override
  protected void initChannel(Channel ch) {
    AlbRuntime.ListenerConfig cfg = runtime.config(port);
    if (cfg == null) {
      ch.close();
      return;
    }
    ChannelPipeline p = ch.pipeline();
    p.addLast("idle", new IdleTimeout(runtime.idleTimeoutSeconds()));
    if (!cfg.https()) {
      http1(p, false);
      return;
    }
    ChannelHandler tls = cfg.tls().newHandler(ch.alloc());
    if (tls == null) {
      ch.close(); // the listener's certificate was replaced as this connection arrived
      return;
    }
    p.addLast("tls", tls);
    p.addLast("errors", CloseOnError.INSTANCE);
    p.addLast("alpn", new AlpnSwitch());
    http1(p, true);
  }

  private void http1(ChannelPipeline p, boolean https) {
    p.addLast("http", new HttpServerCodec(8192, 65536, 16384));
    p.addLast("bodiless", new BodilessRequests());
    p.addLast("aggregate", new HttpObjectAggregator(MAX_REQUEST_BYTES));
    p.addLast("request", new AlbRequestHandler(runtime, port, https, false));
  }

  /**
   * The pipeline is built for HTTP/1.1, what nearly every connection speaks (and what a client
   * without ALPN gets); once the handshake has picked h2 the HTTP/1.1 handlers are swapped out.
   * Deciding on the first decrypted bytes as well as on the handshake event covers either order.
   * Cheaper than Netty's ApplicationProtocolNegotiationHandler, which adds and removes handlers
   * on every connection and buffers what arrives before the event.
   */
  private final class AlpnSwitch extends ChannelInboundHandlerAdapter {
    private boolean decided;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!decided) {
        decide(ctx);
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof SslHandshakeCompletionEvent e && !decided) {
        if (!e.isSuccess()) {
          ctx.close();
          return;
        }
        decide(ctx);
      }
      ctx.fireUserEventTriggered(evt);
    }

    private void decide(ChannelHandlerContext ctx) {
      decided = true;
      SslHandler ssl = ctx.pipeline().get(SslHandler.class);
      if (ssl != null && ApplicationProtocolNames.HTTP_2.equals(ssl.applicationProtocol())) {
        ChannelPipeline p = ctx.pipeline();
        p.remove("request");
        p.remove("aggregate");
        p.remove("bodiless");
        p.remove("http");
        http2(p);
      }
    }
  }

  private void http2(ChannelPipeline p) {
    Http2FrameCodec codec = Http2FrameCodecBuilder.forServer().build();
    p.addLast(codec, new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
      @Override
      protected void initChannel(Http2StreamChannel ch) {
        ch.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true), new HttpObjectAggregator(MAX_REQUEST_BYTES),
            new AlbRequestHandler(runtime, port, true, true));
      }
    }), new ChannelInboundHandlerAdapter() {
      @Override
      public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        // an HTTP/2 connection is idle only when no stream is open
        if (evt instanceof IdleStateEvent && codec.connection().numActiveStreams() == 0) {
          ctx.close();
        }
      }
    });
  }
}
