package dev.privatelink.dataplane.privatelink;

import static dev.privatelink.dataplane.elb.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.privatelink.dataplane.elb.HealthTiming;
import dev.privatelink.dataplane.elb.LoadBalancerEngine;
import dev.privatelink.dataplane.elb.Resources;
import dev.privatelink.dataplane.elb.TcpBackend;
import dev.privatelink.dataplane.netns.Namespaces;
import dev.privatelink.dataplane.spec.EndpointSpec;
import dev.privatelink.dataplane.spec.EniSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EndpointEngineTest {
  static final String NLB = "arn:aws:elasticloadbalancing:us-east-1:2:loadbalancer/net/svc/1";
  static final String TG = "arn:aws:elasticloadbalancing:us-east-1:2:targetgroup/svc/1";
  static final String VPCE = "vpce-0123456789abcdef0";
  static final String ENI_IP = "127.0.3.1";

  @RegisterExtension final Resources res = new Resources();
  LoadBalancerEngine lbs;
  EndpointEngine endpoints;
  int port;

  @BeforeEach
  void start() {
    RecordingSink sink = new RecordingSink();
    lbs = res.add(new LoadBalancerEngine(Namespaces.HOST, sink, HealthTiming.FAST, 2));
    endpoints = res.add(new EndpointEngine(lbs, sink));
    port = freePort();
  }

  private void provider(TcpBackend target, boolean pp) {
    TargetGroupSpec tg = new TargetGroupSpec(TG, "TCP", 0, "ip", tcpCheck(), pp, 300,
        List.of(target("t1", "127.0.2.1", target.port(), AZ_A)));
    lbs.apply("pl-vpc-prov", List.of(nlb(NLB, false, List.of(node(AZ_A, "127.0.1.1")), List.of(tcpListener(port, TG, 350)),
        List.of(tg))));
  }

  private static EndpointSpec endpoint() {
    return new EndpointSpec(VPCE, "vpc-cons", "vpc-prov",
        List.of(new EniSpec("eni-1", "subnet-1", ENI_IP, List.of(), EniSpec.Kind.VPC_ENDPOINT, VPCE)),
        List.of(new EndpointSpec.EniAz("eni-1", AZ_A)), List.of(NLB));
  }

  @Test
  void endpointEniHandsFlowsToTheNlbWithTheVpceIdInProxyProtocol() throws Exception {
    TcpBackend t = res.add(new TcpBackend("t1", "127.0.2.1", 0, false));
    provider(t, true);
    endpoints.apply(List.of(endpoint()));
    int lp = freePort();
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress("127.0.0.1", lp));
      s.connect(new InetSocketAddress(ENI_IP, port));
      s.getOutputStream().write("hi".getBytes());
      await(Duration.ofSeconds(3), "payload", () -> t.connections.stream().anyMatch(c -> new String(c.bytes()).endsWith("hi")));
    }
    TcpBackend.Conn c = t.connections.stream().filter(x -> new String(x.bytes()).endsWith("hi")).findFirst().orElseThrow();
    assertEquals("127.0.1.1", c.remote().getAddress().getHostAddress(), "the target sees the NLB node");
    byte[] b = c.bytes();
    ByteBuffer bb = ByteBuffer.wrap(b);
    int len = bb.getShort(14) & 0xFFFF;
    assertEquals(0x21, b[12] & 0xFF);
    assertEquals("127.0.0.1", ip(b, 16));
    assertEquals(ENI_IP, ip(b, 20), "destination is the endpoint ENI");
    assertEquals(lp, bb.getShort(24) & 0xFFFF);
    assertEquals(port, bb.getShort(26) & 0xFFFF);
    int p = 28;
    String vpce = null;
    while (p < 16 + len) {
      int type = b[p] & 0xFF;
      int l = bb.getShort(p + 1) & 0xFFFF;
      if (type == 0xEA) {
        assertEquals(0x01, b[p + 3], "subtype VPCE id");
        vpce = new String(b, p + 4, l - 1, StandardCharsets.US_ASCII);
      }
      p += 3 + l;
    }
    assertEquals(VPCE, vpce);
    assertEquals("hi", new String(b, 16 + len, b.length - 16 - len));
  }

  @Test
  void removingTheEndpointClosesItsListenerAndResetsItsConnections() throws Exception {
    TcpBackend t = res.add(new TcpBackend("t1", "127.0.2.1", 0, true));
    provider(t, false);
    endpoints.apply(List.of(endpoint()));
    Socket s = res.add(new Socket(ENI_IP, port));
    s.setSoTimeout(3000);
    assertEquals("t1\n", new String(s.getInputStream().readNBytes(3)));
    endpoints.apply(List.of());
    assertThrows(IOException.class, () -> {
      if (s.getInputStream().read() < 0) {
        throw new IOException("closed");
      }
    });
    assertThrows(IOException.class, () -> new Socket(ENI_IP, port).close());
  }

  private static String ip(byte[] b, int at) throws IOException {
    return java.net.InetAddress.getByAddress(Arrays.copyOfRange(b, at, at + 4)).getHostAddress();
  }
}
