package dev.privatelink.api;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The API's HTTP/1.1 listener on Netty: one small event-loop group (epoll where the platform has
 * it) parses requests and writes answers; {@link HttpConnection} runs each request off the loop,
 * since an action may wait for the store to make its change durable. Bound at construction (a
 * taken port fails then, as the JDK server did) but accepting only from {@link #start}.
 */
final class HttpTransport implements AutoCloseable {
  /** The longest request line and header block taken: presigned URLs and GET queries run long. */
  private static final int MAX_LINE = 64 * 1024;
  private final EventLoopGroup group;
  private final Channel server;

  HttpTransport(String host, int port, int maxBody, HttpConnection.Handler handler, ExecutorService executor)
      throws IOException {
    quietLeakDetector();
    boolean epoll = Epoll.isAvailable() && !Boolean.getBoolean("privatelink.nio");
    // Two loops are plenty for the API: parsing and writing is a small part of a call's cost.
    int loops = Math.min(2, Runtime.getRuntime().availableProcessors());
    this.group = new MultiThreadIoEventLoopGroup(loops, new DefaultThreadFactory("pl-api", true),
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    ServerBootstrap bootstrap = new ServerBootstrap().group(group)
        .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 512)
        .option(ChannelOption.AUTO_READ, false)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ChannelPipeline p = ch.pipeline();
            p.addLast(new HttpServerCodec(new HttpDecoderConfig().setMaxInitialLineLength(MAX_LINE)
                .setMaxHeaderSize(MAX_LINE)));
            p.addLast(new BoundedAggregator(maxBody));
            p.addLast(new HttpConnection(handler, executor));
          }
        });
    try {
      this.server = bootstrap.bind(new InetSocketAddress(host, port)).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** Starts accepting: connections made before wait in the kernel's backlog. */
  void start() {
    server.config().setAutoRead(true);
    server.read();
  }

  int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /**
   * Netty samples one buffer in 128 for leak tracking and records a stack trace for each; the API
   * copies each request out of its buffers at once, so the tracking is cost without use. Left as
   * asked when {@code -Dio.netty.leakDetection.level} is set.
   */
  private static void quietLeakDetector() {
    if (System.getProperty("io.netty.leakDetection.level") == null) {
      ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    }
  }

  /**
   * Aggregates a body up to the limit; a larger one is discarded and answered, in its turn among
   * the connection's answers, with AWS's RequestEntityTooLarge (a client that asked for
   * {@code 100-continue} gets it instead of the go-ahead and never sends the body).
   */
  private static final class BoundedAggregator extends HttpObjectAggregator {
    BoundedAggregator(int maxBody) {
      super(maxBody);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
      ctx.fireChannelRead(new HttpConnection.TooLarge(HttpUtil.isKeepAlive(oversized)));
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
      Object answer = super.newContinueResponse(start, maxContentLength, pipeline);
      if (answer != null && HttpUtil.getContentLength(start, -1L) > maxContentLength) {
        io.netty.util.ReferenceCountUtil.release(answer);
        return HttpConnection.encode(ApiServer.tooLarge(), false, false);
      }
      return answer;
    }
  }
}
