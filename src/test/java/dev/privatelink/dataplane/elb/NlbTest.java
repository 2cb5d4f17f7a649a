package dev.privatelink.dataplane.elb;

import static dev.privatelink.dataplane.elb.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.privatelink.dataplane.netns.Namespaces;
import dev.privatelink.dataplane.spec.LoadBalancerSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec.HealthCheckSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec.TargetSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NlbTest {
  static final String NODE_A = "127.0.1.1";
  static final String NODE_B = "127.0.1.2";
  static final String TG = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/tcp/1";
  static final String LB = "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/net/nlb/1";

  @RegisterExtension final Resources res = new Resources();
  RecordingSink sink;
  LoadBalancerEngine engine;
  int port;

  @BeforeEach
  void start() {
    sink = new RecordingSink();
    engine = res.add(new LoadBalancerEngine(Namespaces.HOST, sink, HealthTiming.FAST, 2));
    port = freePort();
  }

  private LoadBalancerSpec lb(boolean crossZone, int idle, TargetGroupSpec tg) {
    return nlb(LB, crossZone, List.of(node(AZ_A, NODE_A), node(AZ_B, NODE_B)), List.of(tcpListener(port, TG, idle)), List.of(tg));
  }

  private TargetGroupSpec tg(boolean pp, HealthCheckSpec hc, TargetSpec... targets) {
    return new TargetGroupSpec(TG, "TCP", 0, "ip", hc, pp, 1, List.of(targets));
  }

  private TcpBackend backend(String name, String ip) throws IOException {
    return res.add(new TcpBackend(name, ip, 0, true));
  }

  /** Connects from {@code localPort} (0 = any), returns the socket after reading the target's greeting into {@code name}. */
  private static String greeting(Socket s) throws IOException {
    return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
  }

  private String connectName(String nodeIp, int localPort) throws IOException {
    try (Socket s = new Socket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress("127.0.0.1", localPort));
      s.connect(new InetSocketAddress(nodeIp, port), 2000);
      s.setSoTimeout(3000);
      String name = greeting(s);
      s.setSoLinger(true, 0);
      return name;
    }
  }

  @Test
  void carriesBytesBothWaysFromTheNodeAddress() throws Exception {
    TcpBackend t1 = backend("t1", "127.0.2.1");
    engine.apply("pl-vpc-1", List.of(lb(false, 350, tg(false, tcpCheck(), target("t1", "127.0.2.1", t1.port(), AZ_A)))));
    try (Socket s = new Socket(NODE_A, port)) {
      s.setSoTimeout(3000);
      var in = s.getInputStream();
      assertEquals("t1\n", new String(in.readNBytes(3), StandardCharsets.US_ASCII));
      byte[] big = new byte[1 << 20];
      new java.util.Random(1).nextBytes(big);
      Thread.ofVirtual().start(() -> {
        try {
          s.getOutputStream().write(big);
        } catch (IOException ignored) {
          // the assertion below fails if the bytes do not come back
        }
      });
      assertArrayEquals(big, in.readNBytes(big.length), "1 MiB echoed back intact");
    }
    assertEquals("127.0.1.1", t1.connections.get(0).remote().getAddress().getHostAddress(), "source is the node IP");
  }

  @Test
  void sameFiveTupleSameTargetAndFlowsSpread() throws Exception {
    TcpBackend t1 = backend("t1", "127.0.2.1");
    TcpBackend t2 = backend("t2", "127.0.2.2");
    engine.apply("pl-vpc-1", List.of(lb(false, 350, tg(false, tcpCheck(),
        target("t1", "127.0.2.1", t1.port(), AZ_A), target("t2", "127.0.2.2", t2.port(), AZ_A)))));
    await(Duration.ofSeconds(5), "both healthy", () -> sink.of(TG, "t1", t1.port()).startsWith("healthy")
        && sink.of(TG, "t2", t2.port()).startsWith("healthy"));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 16; i++) {
      int lp = freePort();
      String first = connectName(NODE_A, lp);
      assertEquals(first, connectName(NODE_A, lp), "same 5-tuple, same target");
      seen.add(first);
    }
    assertEquals(Set.of("t1", "t2"), seen, "different flows spread over both targets");
  }

  @Test
  void unhealthyTargetsGetNoFlowsAndAllUnhealthyFailsOpen() throws Exception {
    TcpBackend t1 = backend("t1", "127.0.2.1");
    int dead = freePort();
    engine.apply("pl-vpc-1", List.of(lb(false, 350, tg(false, tcpCheck(),
        target("t1", "127.0.2.1", t1.port(), AZ_A), target("t2", "127.0.2.2", dead, AZ_A)))));
    // t1 must be healthy too: while no target is healthy the NLB fails open and t2's dead port resets the flow
    await(Duration.ofSeconds(5), "t1 healthy, t2 unhealthy", () -> sink.of(TG, "t1", t1.port()).startsWith("healthy")
        && sink.of(TG, "t2", dead).startsWith("unhealthy|Target.FailedHealthChecks"));
    for (int i = 0; i < 10; i++) {
      assertEquals("t1", connectName(NODE_A, 0));
    }
    // health checks on a closed port: every target unhealthy, yet traffic still flows (fail open)
    HealthCheckSpec closed = new HealthCheckSpec(true, "TCP", freePort(), null, 30, 10, 5, 2, "200-399");
    TcpBackend t3 = backend("t3", "127.0.2.3");
    engine.apply("pl-vpc-1", List.of(lb(false, 350, tg(false, closed,
        target("t1", "127.0.2.1", t1.port(), AZ_A), target("t3", "127.0.2.3", t3.port(), AZ_A)))));
    await(Duration.ofSeconds(5), "all unhealthy", () -> sink.of(TG, "t1", t1.port()).startsWith("unhealthy")
        && sink.of(TG, "t3", t3.port()).startsWith("unhealthy"));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 16; i++) {
      seen.add(connectName(NODE_A, 0));
    }
    assertEquals(Set.of("t1", "t3"), seen);
  }

  @Test
  void crossZoneOffKeepsFlowsInTheNodesZoneAndOnSpreadsThem() throws Exception {
    TcpBackend ta = backend("ta", "127.0.2.1");
    TcpBackend tb = backend("tb", "127.0.2.2");
    TargetGroupSpec g = tg(false, tcpCheck(), target("ta", "127.0.2.1", ta.port(), AZ_A),
        target("tb", "127.0.2.2", tb.port(), AZ_B), target("tc", "127.0.2.3", 9, "us-east-1c"));
    engine.apply("pl-vpc-1", List.of(lb(false, 350, g)));
    for (int i = 0; i < 8; i++) {
      assertEquals("ta", connectName(NODE_A, 0));
      assertEquals("tb", connectName(NODE_B, 0));
    }
    await(Duration.ofSeconds(3), "tc unused", () -> sink.of(TG, "tc", 9).startsWith("unused|Target.NotInUse"));
    engine.apply("pl-vpc-1", List.of(lb(true, 350, tg(false, tcpCheck(), target("ta", "127.0.2.1", ta.port(), AZ_A),
        target("tb", "127.0.2.2", tb.port(), AZ_B)))));
    Set<String> fromA = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      fromA.add(connectName(NODE_A, 0));
    }
    assertEquals(Set.of("ta", "tb"), fromA, "cross-zone on: node A reaches both zones");
  }

  @Test
  void drainingTargetKeepsItsFlowsUntilTheDelayThenResetsThem() throws Exception {
    TcpBackend t1 = backend("t1", "127.0.2.1");
    TcpBackend t2 = backend("t2", "127.0.2.2");
    engine.apply("pl-vpc-1", List.of(lb(false, 350, tg(false, tcpCheck(), target("t1", "127.0.2.1", t1.port(), AZ_A)))));
    Socket old = res.add(new Socket(NODE_A, port));
    old.setSoTimeout(5000);
    assertEquals("t1", greeting(old));
    engine.apply("pl-vpc-1", List.of(lb(false, 350, tg(false, tcpCheck(),
        new TargetSpec("t1", "127.0.2.1", t1.port(), AZ_A, true), target("t2", "127.0.2.2", t2.port(), AZ_A)))));
    assertTrue(sink.of(TG, "t1", t1.port()).startsWith("draining|Target.DeregistrationInProgress"));
    assertEquals("t2", connectName(NODE_A, 0), "no new flows to a draining target");
    old.getOutputStream().write("still\n".getBytes());
    assertEquals("still", new BufferedReader(new InputStreamReader(old.getInputStream())).readLine(), "old flow lives on");
    long t0 = System.nanoTime();
    assertThrows(SocketException.class, () -> {
      while (old.getInputStream().read() >= 0) {
        // wait for the reset at the end of the 1 s deregistration delay
      }
      throw new AssertionError("closed without a reset");
    });
    assertTrue(System.nanoTime() - t0 > 300_000_000L, "closed only after the delay");
  }

  @Test
  void idleFlowIsResetOnBothSides() throws Exception {
    TcpBackend t1 = backend("t1", "127.0.2.1");
    engine.apply("pl-vpc-1", List.of(lb(false, 1, tg(false, tcpCheck(), target("t1", "127.0.2.1", t1.port(), AZ_A)))));
    Socket s = res.add(new Socket(NODE_A, port));
    s.setSoTimeout(5000);
    assertEquals("t1", greeting(s));
    long t0 = System.nanoTime();
    SocketException e = assertThrows(SocketException.class, () -> s.getInputStream().read());
    assertTrue(e.getMessage().toLowerCase().contains("reset"), e.getMessage());
    assertTrue(System.nanoTime() - t0 >= 500_000_000L, "reset after the idle timeout, not at once");
    await(Duration.ofSeconds(2), "target side closed", () -> t1.connections.get(0).socket().isClosed());
  }

  @Test
  void proxyProtocolV2HeaderMatchesAwsLayout() throws Exception {
    TcpBackend t1 = res.add(new TcpBackend("t1", "127.0.2.1", 0, false));
    engine.apply("pl-vpc-1", List.of(lb(false, 350, tg(true, tcpCheck(), target("t1", "127.0.2.1", t1.port(), AZ_A)))));
    int lp = freePort();
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress("127.0.0.1", lp));
      s.connect(new InetSocketAddress(NODE_A, port));
      s.getOutputStream().write("ping".getBytes());
      await(Duration.ofSeconds(3), "header and payload", () -> t1.connections.stream().anyMatch(c -> {
        byte[] b = c.bytes();
        return b.length > 16 && (b[12] & 0xF) == 1 && new String(b).endsWith("ping");
      }));
    }
    byte[] b = t1.connections.stream().map(TcpBackend.Conn::bytes).filter(x -> (x[12] & 0xF) == 1).findFirst().orElseThrow();
    PpV2 h = PpV2.parse(b);
    assertEquals(0x21, b[12] & 0xFF);
    assertEquals(0x11, b[13] & 0xFF);
    assertEquals("127.0.0.1", h.src());
    assertEquals(lp, h.srcPort());
    assertEquals(NODE_A, h.dst());
    assertEquals(port, h.dstPort());
    assertEquals(List.of(0x03, 0x04), List.copyOf(h.tlvs().keySet()), "CRC32C then NOOP padding, no AWS TLV without an endpoint");
    assertEquals(0, h.length() % 4, "padded");
    assertEquals("ping", new String(b, h.length(), b.length - h.length()));
    await(Duration.ofSeconds(3), "a health check with a LOCAL header", () -> t1.connections.stream()
        .map(TcpBackend.Conn::bytes).anyMatch(x -> x.length == 16 && (x[12] & 0xFF) == 0x20));
  }

  @Test
  void reapplyingKeepsConnectionsAndRemovalClosesListeners() throws Exception {
    TcpBackend t1 = backend("t1", "127.0.2.1");
    LoadBalancerSpec spec = lb(false, 350, tg(false, tcpCheck(), target("t1", "127.0.2.1", t1.port(), AZ_A)));
    engine.apply("pl-vpc-1", List.of(spec));
    Socket s = res.add(new Socket(NODE_A, port));
    s.setSoTimeout(3000);
    assertEquals("t1", greeting(s));
    engine.apply("pl-vpc-1", List.of(spec));
    s.getOutputStream().write("again\n".getBytes());
    assertEquals("again", new BufferedReader(new InputStreamReader(s.getInputStream())).readLine());
    engine.apply("pl-vpc-1", List.of());
    assertThrows(IOException.class, () -> new Socket(NODE_A, port).close());
  }
}
