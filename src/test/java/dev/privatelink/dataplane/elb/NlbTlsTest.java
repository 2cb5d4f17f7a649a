package dev.privatelink.dataplane.elb;

import static dev.privatelink.dataplane.elb.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.privatelink.dataplane.netns.Namespaces;
import dev.privatelink.dataplane.spec.ListenerSpec;
import dev.privatelink.dataplane.spec.ListenerSpec.CertificateSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec;
import dev.privatelink.model.SslPolicies;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** NLB TLS listeners on loopback: TLS terminated with the listener's certificate and policy, then TCP or TLS to targets. */
class NlbTlsTest {
  static final String NODE = "127.0.1.1";
  static final String TG = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/tls/1";
  static final String LB = "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/net/nlb/1";
  static final CertificateSpec CERT = certificate("nlb.local", List.of("nlb.local"), true);
  static final CertificateSpec OTHER = certificate("other.local", List.of("*.other.local"), false);

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

  private void apply(List<CertificateSpec> certs, String policy, List<String> alpn, String tgProtocol, boolean pp, int targetPort) {
    ListenerSpec tls = new ListenerSpec("arn:listener/net/tls" + port, port, "TLS", certs, policy, alpn, 350,
        forward(TG), List.of());
    TargetGroupSpec tg = new TargetGroupSpec(TG, tgProtocol, 0, "ip", tcpCheck(), pp, 1,
        List.of(target("t1", "127.0.2.1", targetPort, AZ_A)));
    engine.apply("pl-vpc-1", List.of(nlb(LB, false, List.of(node(AZ_A, NODE)), List.of(tls), List.of(tg))));
  }

  private SSLSocket connect(String[] protocols, String... alpn) throws Exception {
    SSLSocket s = (SSLSocket) Tls.trustAll().getSocketFactory().createSocket(new Socket(NODE, port), NODE, port, true);
    SSLParameters p = s.getSSLParameters();
    p.setProtocols(protocols);
    p.setApplicationProtocols(alpn);
    s.setSSLParameters(p);
    s.setSoTimeout(10_000);
    s.startHandshake();
    return s;
  }

  private static String line(Socket s) throws Exception {
    return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
  }

  @Test
  void terminatesTlsWithTheCertificateAndPolicyAndRelaysPlaintext() throws Exception {
    TcpBackend t1 = res.add(new TcpBackend("t1", "127.0.2.1", 0, true));
    apply(List.of(CERT), SslPolicies.DEFAULT, List.of(), "TCP", false, t1.port());
    try (SSLSocket s = connect(new String[] {"TLSv1.3", "TLSv1.2"})) {
      assertTrue(Tls.subject(s).contains("CN=nlb.local"), Tls.subject(s));
      assertEquals("TLSv1.2", s.getSession().getProtocol(), "ELBSecurityPolicy-2016-08 stops at TLS 1.2");
      String cipher = s.getSession().getCipherSuite();
      assertTrue(PolicyCiphers.javaCipherNames(PolicyCiphers.of(SslPolicies.DEFAULT)).contains(cipher), cipher);
      assertEquals("t1", line(s));
      s.getOutputStream().write("hello\n".getBytes());
      assertEquals("hello", line(s));
    }
    await(Duration.ofSeconds(3), "the target got plaintext", () -> t1.connections.stream()
        .anyMatch(c -> new String(c.bytes(), StandardCharsets.US_ASCII).equals("hello\n")));
  }

  @Test
  void aPolicyWithoutTls13RefusesATls13OnlyClient() throws Exception {
    TcpBackend t1 = res.add(new TcpBackend("t1", "127.0.2.1", 0, true));
    apply(List.of(CERT), "ELBSecurityPolicy-TLS-1-2-2017-01", List.of(), "TCP", false, t1.port());
    assertThrows(SSLException.class, () -> connect(new String[] {"TLSv1.3"}).close());
    apply(List.of(CERT), "ELBSecurityPolicy-TLS13-1-3-2021-06", List.of(), "TCP", false, t1.port());
    try (SSLSocket s = connect(new String[] {"TLSv1.3"})) {
      assertEquals("TLSv1.3", s.getSession().getProtocol());
      assertTrue(SslPolicies.find("ELBSecurityPolicy-TLS13-1-3-2021-06").orElseThrow().ciphers()
          .contains(s.getSession().getCipherSuite()), s.getSession().getCipherSuite());
      assertEquals("t1", line(s));
    }
    assertThrows(SSLException.class, () -> connect(new String[] {"TLSv1.2"}).close(), "a TLS 1.3-only policy refuses TLS 1.2");
  }

  @Test
  void sniPicksAmongTheListenerCertificatesAndAlpnFollowsThePolicy() throws Exception {
    TcpBackend t1 = res.add(new TcpBackend("t1", "127.0.2.1", 0, true));
    apply(List.of(CERT, OTHER), "ELBSecurityPolicy-TLS13-1-2-2021-06", List.of("HTTP2Preferred"), "TCP", false, t1.port());
    try (SSLSocket s = Tls.connect(NODE, port, "www.other.local")) {
      assertTrue(Tls.subject(s).contains("CN=other.local"), Tls.subject(s));
    }
    try (SSLSocket s = connect(new String[] {"TLSv1.3"}, "http/1.1", "h2")) {
      assertTrue(Tls.subject(s).contains("CN=nlb.local"), "no SNI: the default certificate");
      assertEquals("h2", s.getApplicationProtocol(), "HTTP2Preferred picks h2 when the client offers it");
    }
    apply(List.of(CERT), SslPolicies.DEFAULT, List.of("HTTP1Only"), "TCP", false, t1.port());
    try (SSLSocket s = connect(new String[] {"TLSv1.2"}, "h2", "http/1.1")) {
      assertEquals("http/1.1", s.getApplicationProtocol());
    }
  }

  @Test
  void proxyProtocolV2PrecedesThePlaintext() throws Exception {
    TcpBackend t1 = res.add(new TcpBackend("t1", "127.0.2.1", 0, false));
    apply(List.of(CERT), SslPolicies.DEFAULT, List.of(), "TCP", true, t1.port());
    try (SSLSocket s = connect(new String[] {"TLSv1.2"})) {
      s.getOutputStream().write("ping".getBytes());
      s.getOutputStream().flush();
      await(Duration.ofSeconds(3), "header and payload", () -> t1.connections.stream().anyMatch(c -> {
        byte[] b = c.bytes();
        return b.length > 16 && (b[12] & 0xF) == 1 && new String(b, StandardCharsets.ISO_8859_1).endsWith("ping");
      }));
      byte[] b = t1.connections.stream().map(TcpBackend.Conn::bytes).filter(x -> x.length > 16 && (x[12] & 0xF) == 1)
          .findFirst().orElseThrow();
      PpV2 h = PpV2.parse(b);
      assertEquals("127.0.0.1", h.src());
      assertEquals(s.getLocalPort(), h.srcPort());
      assertEquals(NODE, h.dst());
      assertEquals(port, h.dstPort());
      assertEquals("ping", new String(b, h.length(), b.length - h.length(), StandardCharsets.US_ASCII), "plaintext after the header");
    }
  }

  @Test
  void reEncryptsToATlsTargetGroup() throws Exception {
    TlsBackend t1 = res.add(new TlsBackend("t1", "127.0.2.1", certificate("target.local", List.of(), true)));
    apply(List.of(CERT), SslPolicies.DEFAULT, List.of(), "TLS", false, t1.port());
    try (SSLSocket s = connect(new String[] {"TLSv1.2"})) {
      assertTrue(Tls.subject(s).contains("CN=nlb.local"), "the client sees the listener's certificate");
      assertTrue(line(s).startsWith("t1 over TLSv1."), "the target's side is TLS too");
      s.getOutputStream().write("round trip\n".getBytes());
      assertEquals("round trip", line(s));
    }
  }

  @Test
  void aTlsErrorToTheTargetEndsTheClientsFlow() throws Exception {
    java.net.ServerSocket plain = res.add(new java.net.ServerSocket(0, 8, java.net.InetAddress.getByName("127.0.2.1")));
    Thread.ofVirtual().start(() -> {
      while (!plain.isClosed()) {
        try (Socket s = plain.accept()) {
          s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes()); // not TLS, then closed
        } catch (java.io.IOException e) {
          return;
        }
      }
    });
    apply(List.of(CERT), SslPolicies.DEFAULT, List.of(), "TLS", false, plain.getLocalPort());
    try (SSLSocket s = connect(new String[] {"TLSv1.2"})) {
      s.setSoTimeout(5000);
      try {
        assertEquals(-1, s.getInputStream().read(), "the flow ends");
      } catch (java.io.IOException reset) {
        assertFalse(reset instanceof java.net.SocketTimeoutException, "the flow ends, it does not hang");
      }
    }
  }
}
