package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.TargetGroupSpec.HealthCheckSpec;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

/**
 * One health check of one target from one load balancer node: a TCP connect, or an HTTP(S) GET
 * whose status must match. HTTPS targets' certificates are not validated, as on AWS.
 */
final class HealthProbe {

  private final Transport transport;
  private final String netns;

  HealthProbe(Transport transport, String netns) {
    this.transport = transport;
    this.netns = netns;
  }

  /** Runs one check; {@code done} is called exactly once, on {@code loop}. */
  void run(EventLoop loop, String nodeIp, TargetKey target, HealthCheckSpec check, long timeoutMillis,
      boolean proxyProtocol, Consumer<TargetHealth> done) {
    int port = check.port() > 0 ? check.port() : target.port();
    ProtocolEnum protocol = check.protocol() == null ? ProtocolEnum.TCP
        : ProtocolEnum.fromValue(check.protocol().toUpperCase(java.util.Locale.ROOT));
    boolean http = switch (protocol) {
      case HTTP, HTTPS -> true;
      case TCP -> false;
      case TLS, UDP, TCP_UDP, GENEVE, QUIC, TCP_QUIC, UNKNOWN_TO_SDK_VERSION ->
          throw new IllegalStateException("health check protocol " + check.protocol());
    };
    Once once = new Once(done);
    Bootstrap b = new Bootstrap()
        .group(loop)
        .channelFactory(transport.client(netns))
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeoutMillis)
        .localAddress(nodeIp, 0)
        .handler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel ch) {
            if (!http) {
              ch.pipeline().addLast(CloseOnError.INSTANCE);
              return;
            }
            if (protocol == ProtocolEnum.HTTPS) {
              ch.pipeline().addLast(TargetTls.CLIENT.newHandler(ch.alloc(), target.ip(), port));
            }
            ch.pipeline().addLast(new HttpClientCodec(), new ResponseHandler(new StatusMatcher(check.matcher()), once));
          }
        });
    ChannelFuture f;
    try {
      f = b.connect(new InetSocketAddress(target.ip(), port));
    } catch (RuntimeException e) {
      once.accept(TargetHealth.failed());
      return;
    }
    var timer = loop.schedule(() -> {
      once.accept(TargetHealth.timeout());
      f.channel().close();
    }, timeoutMillis, TimeUnit.MILLISECONDS);
    f.channel().closeFuture().addListener(c -> {
      timer.cancel(false);
      once.accept(TargetHealth.failed());
    });
    f.addListener((ChannelFuture cf) -> {
      if (!cf.isSuccess()) {
        once.accept(cf.cause() instanceof ConnectTimeoutException ? TargetHealth.timeout() : TargetHealth.failed());
        return;
      }
      Channel ch = cf.channel();
      if (proxyProtocol) {
        ch.write(Unpooled.wrappedBuffer(ProxyProtocolV2.local()));
      }
      if (!http) {
        once.accept(TargetHealth.HEALTHY);
        ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(x -> ch.close());
        return;
      }
      String path = check.path() == null || check.path().isEmpty() ? "/" : check.path();
      FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
      req.headers().set(HttpHeaderNames.HOST, target.ip() + ":" + port)
          .set(HttpHeaderNames.USER_AGENT, "ELB-HealthChecker/2.0")
          .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
          .set(HttpHeaderNames.ACCEPT_ENCODING, "gzip, compressed");
      ch.writeAndFlush(req);
    });
  }

  /** Concludes on the status line; the body is irrelevant to a health check. */
  private static final class ResponseHandler extends SimpleChannelInboundHandler<Object> {
    private final StatusMatcher matcher;
    private final Once once;

    ResponseHandler(StatusMatcher matcher, Once once) {
      this.matcher = matcher;
      this.once = once;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpResponse r) {
        int code = r.status().code();
        once.accept(r.decoderResult().isFailure() ? TargetHealth.failed()
            : matcher.matches(code) ? TargetHealth.HEALTHY : TargetHealth.codeMismatch(code));
        ctx.close();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      once.accept(TargetHealth.failed());
      ctx.close();
    }
  }

  /** Delivers only the first conclusion: a timeout, a close and a response may race. */
  private static final class Once implements Consumer<TargetHealth> {
    private final Consumer<TargetHealth> done;
    private boolean fired;

    Once(Consumer<TargetHealth> done) {
      this.done = done;
    }

    @Override
    public synchronized void accept(TargetHealth h) {
      if (!fired) {
        fired = true;
        done.accept(h);
      }
    }
  }
}
