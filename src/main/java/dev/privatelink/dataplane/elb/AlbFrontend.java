package dev.privatelink.dataplane.elb;

import io.netty.channel.Channel;
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
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * The client side of an ALB listener: TLS with SNI for HTTPS, then HTTP/2 or HTTP/1.1 as ALPN
 * decides (plain HTTP is HTTP/1.1), each request handed to an {@link AlbRequestHandler}. A
 * connection with nothing in flight for the idle timeout is closed.
 */
final class AlbFrontend extends ChannelInitializer<Channel> {
  static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;

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
    p.addLast(new SniHandler(cfg.tls()));
    p.addLast("errors", CloseOnError.INSTANCE);
    p.addLast(new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
      @Override
      protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
        if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
          http2(ctx.pipeline());
        } else {
          http1(ctx.pipeline(), true);
        }
      }
    });
  }

  private void http1(ChannelPipeline p, boolean https) {
    p.addLast(new HttpServerCodec(8192, 65536, 16384), new HttpObjectAggregator(MAX_REQUEST_BYTES),
        new AlbRequestHandler(runtime, port, https, false));
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
