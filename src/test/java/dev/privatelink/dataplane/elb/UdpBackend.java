package dev.privatelink.dataplane.elb;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A UDP echo target for tests: answers each datagram with its name, a colon and the payload, and records the senders. */
final class UdpBackend implements AutoCloseable {
  private final String name;
  private final DatagramSocket socket;
  final List<SocketAddress> senders = new CopyOnWriteArrayList<>();

  UdpBackend(String name, String ip, int port) throws IOException {
    this.name = name;
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(ip), port));
    Thread.ofVirtual().start(this::loop);
  }

  int port() {
    return socket.getLocalPort();
  }

  private void loop() {
    byte[] buf = new byte[65535];
    while (!socket.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        senders.add(p.getSocketAddress());
        byte[] reply = (name + ":" + new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
