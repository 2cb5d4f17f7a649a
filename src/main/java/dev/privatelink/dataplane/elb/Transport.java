package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.netns.Namespaces;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The event loops every load balancer and endpoint shares, and channel factories that create each
 * socket inside a given network namespace. Epoll when the platform has it (lower latency, and the
 * only transport with splice); NIO otherwise. Epoll is reached reflectively because the build puts
 * netty's epoll classes on the runtime class path only.
 */
public final class Transport implements AutoCloseable {
  private static final Epoll EPOLL = Epoll.load();

  private final Namespaces namespaces;
  private final EventLoopGroup group;
  private final boolean epoll;

  /** @param threads event loop threads; one per core is what a proxy wants */
  public Transport(Namespaces namespaces, int threads) {
    this.namespaces = namespaces;
    this.epoll = EPOLL != null && !Boolean.getBoolean("privatelink.nio");
    IoHandlerFactory io = epoll ? EPOLL.ioHandlerFactory() : NioIoHandler.newFactory();
    this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("pl-elb", true), io);
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
    Supplier<Channel> make = epoll ? EPOLL::socket : NioSocketChannel::new;
    return () -> inside(netns, make);
  }

  public ChannelFactory<ServerChannel> server(String netns) {
    Supplier<ServerChannel> make = epoll ? EPOLL::serverSocket : NioServerSocketChannel::new;
    return () -> inside(netns, make);
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

  /** Netty's epoll transport, looked up at run time. */
  private record Epoll(MethodHandle factoryHandle, MethodHandle socketHandle, MethodHandle serverHandle) {
    static Epoll load() {
      try {
        var lookup = MethodHandles.publicLookup();
        Class<?> epoll = Class.forName("io.netty.channel.epoll.Epoll");
        if (!(boolean) lookup.findStatic(epoll, "isAvailable", MethodType.methodType(boolean.class)).invoke()) {
          return null;
        }
        Class<?> handler = Class.forName("io.netty.channel.epoll.EpollIoHandler");
        return new Epoll(
            lookup.findStatic(handler, "newFactory", MethodType.methodType(IoHandlerFactory.class)),
            lookup.findConstructor(Class.forName("io.netty.channel.epoll.EpollSocketChannel"), MethodType.methodType(void.class)),
            lookup.findConstructor(Class.forName("io.netty.channel.epoll.EpollServerSocketChannel"), MethodType.methodType(void.class)));
      } catch (Throwable t) {
        return null;
      }
    }

    IoHandlerFactory ioHandlerFactory() {
      return (IoHandlerFactory) call(factoryHandle);
    }

    Channel socket() {
      return (Channel) call(socketHandle);
    }

    ServerChannel serverSocket() {
      return (ServerChannel) call(serverHandle);
    }

    private static Object call(MethodHandle h) {
      try {
        return h.invoke();
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }
  }
}
