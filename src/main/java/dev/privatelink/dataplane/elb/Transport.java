package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.netns.Namespaces;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The event loops every load balancer and endpoint shares, and channel factories that create each
 * socket inside a given network namespace. Epoll when the platform has it (lower latency, and the
 * only transport with splice); NIO otherwise, or when {@code -Dprivatelink.nio=true}.
 */
public final class Transport implements AutoCloseable {
  private final Namespaces namespaces;
  private final EventLoopGroup group;
  private final boolean epoll;
  private final LinkCounters links = new LinkCounters();

  /** @param threads event loop threads; one per core is what a proxy wants */
  public Transport(Namespaces namespaces, int threads) {
    this.namespaces = namespaces;
    disableLeakDetectionUnlessAsked();
    this.epoll = Epoll.isAvailable() && !Boolean.getBoolean("privatelink.nio");
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("pl-elb", true), io);
  }

  /** What the flows on this transport's event loops carried, per link of the console's picture. */
  public LinkCounters links() {
    return links;
  }

  /**
   * Netty samples one buffer in 128 for leak tracking by default and records a stack trace for
   * each: about 1 % of a proxy's CPU. Off unless {@code -Dio.netty.leakDetection.level} asks for it.
   */
  private static void disableLeakDetectionUnlessAsked() {
    if (System.getProperty("io.netty.leakDetection.level") == null && System.getProperty("io.netty.leakDetectionLevel") == null) {
      ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    }
  }

  public EventLoopGroup group() {
    return group;
  }

  public boolean epoll() {
    return epoll;
  }

  public Namespaces namespaces() {
    return namespaces;
  }

  /** A factory whose channels own a socket in {@code netns}: the fd is made when the channel is constructed. */
  public ChannelFactory<Channel> client(String netns) {
    Supplier<Channel> make = epoll ? EpollSocketChannel::new : NioSocketChannel::new;
    return () -> inside(netns, make);
  }

  /** A factory of UDP sockets in {@code netns} (the NLB's UDP and TCP_UDP listeners and their flows). */
  public ChannelFactory<Channel> datagram(String netns) {
    Supplier<Channel> make = epoll ? EpollDatagramChannel::new : NioDatagramChannel::new;
    return () -> inside(netns, make);
  }

  public ChannelFactory<ServerChannel> server(String netns) {
    Supplier<ServerChannel> make = epoll ? EpollServerSocketChannel::new : NioServerSocketChannel::new;
    return () -> inside(netns, make);
  }

  /**
   * A bootstrap for connections from a load balancer node's own address: TCP_NODELAY, the large
   * water marks, and, on epoll, IP_BIND_ADDRESS_NO_PORT, so that binding the source address does
   * not reserve an ephemeral port before connect. Without it every bind(ip, 0) searches the port
   * range for a port free for all destinations, which gets slow once thousands of short flows sit
   * in TIME_WAIT, and caps a node at one connection per port instead of one per port and target.
   */
  Bootstrap connector(EventLoop loop, String netns) {
    Bootstrap b = new Bootstrap()
        .group(loop)
        .channelFactory(client(netns))
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.WRITE_BUFFER_WATER_MARK, ListenerSet.WATER_MARK);
    if (epoll) {
      b.option(EpollChannelOption.IP_BIND_ADDRESS_NO_PORT, true);
    }
    return b;
  }

  private <T> T inside(String netns, Supplier<T> make) {
    try {
      return namespaces.call(netns, make::get);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot create a socket in " + netns, e);
    }
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
