package dev.privatelink.dataplane.elb;

import static dev.privatelink.dataplane.elb.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.privatelink.dataplane.netns.Namespaces;
import dev.privatelink.dataplane.spec.ListenerSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec.HealthCheckSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec.TargetSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** NLB UDP and TCP_UDP listeners on loopback: datagrams echoed by real UDP targets, flows pinned by their 5-tuple. */
class NlbUdpTest {
  static final String NODE = "127.0.1.1";
  static final String TG = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/udp/1";
  static final String LB = "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/net/nlb/1";
  static final HealthCheckSpec OFF = new HealthCheckSpec(false, "TCP", -1, null, 30, 10, 5, 2, null);

  @RegisterExtension final Resources res = new Resources();
  LoadBalancerEngine engine;
  int port;

  @BeforeEach
  void start() {
    engine = res.add(new LoadBalancerEngine(Namespaces.HOST, new RecordingSink(), HealthTiming.FAST, 2));
    port = freePort();
  }

  private void apply(String protocol, TargetSpec... targets) {
    ListenerSpec l = new ListenerSpec("arn:listener/net/udp" + port, port, protocol, List.of(), null, List.of(), 350,
        forward(TG), List.of());
    TargetGroupSpec tg = new TargetGroupSpec(TG, protocol, 0, "ip", OFF, false, 1, List.of(targets));
    engine.apply("pl-vpc-1", List.of(nlb(LB, false, List.of(node(AZ_A, NODE)), List.of(l), List.of(tg))));
  }

  /** Sends {@code text} from {@code client} to the listener and returns the reply, checking it came from the listener's address. */
  private String exchange(DatagramSocket client, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    client.send(new DatagramPacket(b, b.length, new InetSocketAddress(NODE, port)));
    DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
    client.receive(reply);
    assertEquals(new InetSocketAddress(NODE, port), reply.getSocketAddress(), "the reply comes from the listener address");
    return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
  }

  private DatagramSocket client() throws IOException {
    DatagramSocket s = res.add(new DatagramSocket(new InetSocketAddress("127.0.0.1", 0)));
    s.setSoTimeout(3000);
    return s;
  }

  @Test
  void echoesDatagramsFromTheNodeAddressAndKeepsAFlowOnOneTarget() throws Exception {
    UdpBackend u1 = res.add(new UdpBackend("u1", "127.0.2.1", 0));
    UdpBackend u2 = res.add(new UdpBackend("u2", "127.0.2.2", 0));
    apply("UDP", target("u1", "127.0.2.1", u1.port(), AZ_A), target("u2", "127.0.2.2", u2.port(), AZ_A));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 16; i++) {
      DatagramSocket c = client();
      String first = exchange(c, "hello " + i);
      String name = first.substring(0, first.indexOf(':'));
      assertEquals(name + ":hello " + i, first);
      for (int j = 0; j < 3; j++) {
        assertEquals(name + ":again " + j, exchange(c, "again " + j), "same 5-tuple, same target");
      }
      seen.add(name);
    }
    assertEquals(Set.of("u1", "u2"), seen, "flows spread over both targets");
    assertTrue(u1.senders.stream().allMatch(a -> ((InetSocketAddress) a).getAddress().getHostAddress().equals(NODE)),
        "targets see the node's address");
  }

  @Test
  void tcpUdpCarriesBothOnTheSamePort() throws Exception {
    int targetPort = freePort();
    UdpBackend u = res.add(new UdpBackend("u1", "127.0.2.1", targetPort));
    TcpBackend t = res.add(new TcpBackend("t1", "127.0.2.1", targetPort, true));
    apply("TCP_UDP", target("x", "127.0.2.1", targetPort, AZ_A));
    assertEquals("u1:over udp", exchange(client(), "over udp"));
    try (Socket s = new Socket(NODE, port)) {
      s.setSoTimeout(3000);
      var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      assertEquals("t1", in.readLine());
      s.getOutputStream().write("over tcp\n".getBytes());
      assertEquals("over tcp", in.readLine());
    }
    assertEquals(1, u.senders.size());
    assertEquals(1, t.connections.size());
  }

  @Test
  void aUdpListenerDoesNotAcceptTcpAndGoesAwayWithItsLoadBalancer() throws Exception {
    UdpBackend u1 = res.add(new UdpBackend("u1", "127.0.2.1", 0));
    apply("UDP", target("u1", "127.0.2.1", u1.port(), AZ_A));
    DatagramSocket c = client();
    assertEquals("u1:x", exchange(c, "x"));
    assertThrows(IOException.class, () -> new Socket(NODE, port).close(), "UDP only: no TCP socket on the port");
    engine.apply("pl-vpc-1", List.of());
    c.setSoTimeout(500);
    byte[] b = "y".getBytes();
    c.send(new DatagramPacket(b, b.length, new InetSocketAddress(NODE, port)));
    assertThrows(IOException.class, () -> c.receive(new DatagramPacket(new byte[64], 64)), "no listener, no reply");
  }

  @Test
  void privateLinkIsOfferedOnlyTheTcpSideOfTheListeners() {
    int tcpUdp = freePort();
    ListenerSpec udp = new ListenerSpec("arn:listener/net/u", port, "UDP", List.of(), null, List.of(), 350, forward(TG), List.of());
    ListenerSpec both = new ListenerSpec("arn:listener/net/b", tcpUdp, "TCP_UDP", List.of(), null, List.of(), 350, forward(TG),
        List.of());
    TargetGroupSpec tg = new TargetGroupSpec(TG, "TCP_UDP", 0, "ip", OFF, false, 1, List.of());
    engine.apply("pl-vpc-1", List.of(nlb(LB, false, List.of(node(AZ_A, NODE)), List.of(udp, both), List.of(tg))));
    assertEquals(Set.of(tcpUdp), engine.networkLoadBalancerPorts(LB).orElseThrow(),
        "interface endpoints carry TCP only: a UDP listener's port is not offered to them");
  }
}
