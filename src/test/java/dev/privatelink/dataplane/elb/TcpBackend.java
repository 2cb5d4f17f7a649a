package dev.privatelink.dataplane.elb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP target for tests: greets each connection with its name and a newline, then echoes what it
 * receives and records it, so a test can see which target a flow reached and the exact bytes it got.
 */
public final class TcpBackend implements AutoCloseable {
  /** One accepted connection: who connected and what they sent. */
  public record Conn(InetSocketAddress remote, ByteArrayOutputStream received, Socket socket) {
    public byte[] bytes() {
      synchronized (received) {
        return received.toByteArray();
      }
    }
  }

  private final String name;
  private final ServerSocket server;
  private final boolean greet;
  public final List<Conn> connections = new CopyOnWriteArrayList<>();

  public TcpBackend(String name, String ip, int port, boolean greet) throws IOException {
    this.name = name;
    this.greet = greet;
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getByName(ip), port));
    Thread.ofVirtual().start(this::acceptLoop);
  }

  public int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Conn c = new Conn((InetSocketAddress) s.getRemoteSocketAddress(), new ByteArrayOutputStream(), s);
        connections.add(c);
        Thread.ofVirtual().start(() -> serve(c));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Conn c) {
    try (Socket s = c.socket(); InputStream in = s.getInputStream()) {
      if (greet) {
        s.getOutputStream().write((name + "\n").getBytes(StandardCharsets.US_ASCII));
      }
      byte[] buf = new byte[65536];
      int n;
      while ((n = in.read(buf)) > 0) {
        synchronized (c.received()) {
          c.received().write(buf, 0, n);
        }
        if (greet) {
          s.getOutputStream().write(buf, 0, n);
        }
      }
    } catch (IOException ignored) {
      // the flow ended, normally or by reset
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Conn c : connections) {
      c.socket().close();
    }
  }
}
