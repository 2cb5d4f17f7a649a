package dev.privatelink.dataplane.forward;

import dev.privatelink.dataplane.netns.Namespaces;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One forward: a listener on 127.0.0.1 (never another address) whose every accepted connection is
 * carried to its {@link ForwardRoute}, the far side dialled from inside the route's namespace. A
 * far side that cannot be reached within {@link #CONNECT_TIMEOUT_MS} (a security group drops the
 * SYN, nothing listens) closes the host's connection, as a tunnel whose remote end fails does.
 * {@link #close} stops listening and closes every carried connection.
 */
final class PortForward implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private final Namespaces namespaces;
  private final ForwardRoute route;
  private final ServerSocketChannel listener;
  private final int localPort;
  private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();

  private PortForward(Namespaces namespaces, ForwardRoute route, ServerSocketChannel listener) throws IOException {
    this.namespaces = namespaces;
    this.route = route;
    this.listener = listener;
    this.localPort = ((InetSocketAddress) listener.getLocalAddress()).getPort();
  }

  /** Listens on 127.0.0.1:{@code localPort} (0: a free port) in the host's namespace. */
  static PortForward open(Namespaces namespaces, ForwardRoute route, int localPort) throws IOException {
    // IPv4 only: a dual-stack socket would be bound to ::ffff:127.0.0.1, the same port but not what it says.
    ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.INET);
    try {
      listener.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), localPort));
    } catch (IOException e) {
      listener.close();
      throw e;
    }
    PortForward f;
    try {
      f = new PortForward(namespaces, route, listener);
    } catch (IOException e) {
      listener.close();
      throw e;
    }
    Thread.ofPlatform().daemon().name("forward-" + f.localPort()).start(f::acceptLoop);
    return f;
  }

  int localPort() {
    return localPort;
  }

  ForwardRoute route() {
    return route;
  }

  private void acceptLoop() {
    while (listener.isOpen()) {
      try {
        SocketChannel host = listener.accept();
        // setns needs a platform thread; the dial may wait for the connect timeout, so one each.
        Thread.ofPlatform().daemon().name("forward-" + route.port()).start(() -> carry(host));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void carry(SocketChannel host) {
    open.add(host);
    SocketChannel far = null;
    try {
      far = dial();
      open.add(far);
      SocketChannel remote = far;
      Thread back = Thread.ofVirtual().start(() -> copy(remote, host));
      copy(host, remote);
      back.join();
    } catch (Exception e) {
      // Unreachable far side: closing the host's connection is the answer a tunnel gives.
    } finally {
      closeQuietly(host);
      if (far != null) {
        closeQuietly(far);
      }
    }
  }

  private SocketChannel dial() throws Exception {
    return namespaces.call(route.netns(), () -> {
      SocketChannel s = SocketChannel.open(StandardProtocolFamily.INET);
      try {
        s.socket().connect(new InetSocketAddress(route.address(), route.port()), CONNECT_TIMEOUT_MS);
        return s;
      } catch (IOException e) {
        s.close();
        throw e;
      }
    });
  }

  /** Copies until end of stream, then half-closes the other side so the peer sees it too. */
  private void copy(SocketChannel from, SocketChannel to) {
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    try {
      while (from.read(buf) >= 0) {
        buf.flip();
        while (buf.hasRemaining()) {
          to.write(buf);
        }
        buf.clear();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private void closeQuietly(SocketChannel c) {
    open.remove(c);
    try {
      c.close();
    } catch (IOException e) {
      // already gone
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // already closed
    }
    open.forEach(this::closeQuietly);
  }
}
