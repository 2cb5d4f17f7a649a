package dev.privatelink.dataplane.elb;

import dev.privatelink.model.ConditionField;
import static dev.privatelink.dataplane.elb.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.privatelink.dataplane.netns.Namespaces;
import dev.privatelink.dataplane.spec.ActionSpec;
import dev.privatelink.dataplane.spec.ListenerSpec;
import dev.privatelink.dataplane.spec.ListenerSpec.CertificateSpec;
import dev.privatelink.dataplane.spec.ListenerSpec.Condition;
import dev.privatelink.dataplane.spec.ListenerSpec.RuleSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlbTest {
  static {
    // the test certificates name alb.local, the client connects to an IP
    System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
  }

  static final String NODE = "127.0.1.1";
  static final String TG = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/1";
  static final String LB = "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/alb/1";
  static final CertificateSpec CERT = certificate("alb.local", List.of("alb.local"), true);

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

  private TargetGroupSpec web(int... ports) {
    var targets = java.util.stream.IntStream.of(ports)
        .mapToObj(p -> target("i-" + p, "127.0.2.1", p, AZ_A)).toList();
    return group(TG, "HTTP", "instance", httpCheck("HTTP", "/", "200"), false, targets);
  }

  private void applyHttps(int idle, List<CertificateSpec> certs, String policy, TargetGroupSpec tg) {
    engine.apply("pl-vpc-1", List.of(alb(LB, idle, List.of(node(AZ_A, NODE)),
        List.of(httpsListener(port, certs, policy, forward(TG))), List.of(tg))));
  }

  private void applyHttp(int idle, ActionSpec dflt, List<RuleSpec> rules, TargetGroupSpec tg) {
    engine.apply("pl-vpc-1", List.of(alb(LB, idle, List.of(node(AZ_A, NODE)),
        List.of(httpListener(port, dflt, rules)), List.of(tg))));
  }

  private RawHttp.Response httpGet(String host, String path, String... headers) throws Exception {
    try (Socket s = new Socket(NODE, port)) {
      s.setSoTimeout(10_000);
      return RawHttp.get(s, host, path, headers);
    }
  }

  @Test
  void httpsServesTheListenersCertificateAndAddsForwardedHeaders() throws Exception {
    HttpBackend b = res.add(new HttpBackend("web1", "127.0.2.1", 0));
    applyHttps(60, List.of(CERT), "ELBSecurityPolicy-2016-08", web(b.port()));
    try (SSLSocket s = Tls.connect(NODE, port, null)) {
      assertTrue(Tls.subject(s).contains("CN=alb.local"), Tls.subject(s));
      assertEquals("TLSv1.2", s.getSession().getProtocol(), "2016-08 stops at TLS 1.2");
      RawHttp.Response r = RawHttp.get(s, "alb.local", "/hello?x=1", "X-Forwarded-For: 10.9.9.9");
      assertEquals(200, r.status());
      assertTrue(r.body().startsWith("web1\nGET /hello?x=1\n"), r.body());
      assertTrue(r.body().contains("x-forwarded-for: 10.9.9.9, 127.0.0.1\n"), r.body());
      assertTrue(r.body().contains("x-forwarded-proto: https\n"), r.body());
      assertTrue(r.body().contains("x-forwarded-port: " + port + "\n"), r.body());
      assertTrue(r.body().matches("(?s).*x-amzn-trace-id: Root=1-[0-9a-f]{8}-[0-9a-f]{24}\n.*"), r.body());
      RawHttp.Response again = RawHttp.get(s, "alb.local", "/", "X-Amzn-Trace-Id: Root=1-5759e988-bd862e3fe1be46a994272793");
      assertTrue(again.body().matches("(?s).*x-amzn-trace-id: Self=1-[0-9a-f]{8}-[0-9a-f]{24};Root=1-5759e988-bd862e3fe1be46a994272793\n.*"),
          again.body());
    }
    assertEquals(NODE, b.remotes.get(0).getAddress().getHostAddress(), "requests come from the node address");
    assertEquals(b.remotes.get(0).getPort(), b.remotes.get(1).getPort(), "keep-alive connection to the target reused");
  }

  @Test
  void idleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    HttpBackend b = res.add(new HttpBackend("web1", "127.0.2.1", 0));
    applyHttps(1, List.of(CERT), null, web(b.port()));
    try (SSLSocket s = Tls.connect(NODE, port, null)) {
      s.setSoTimeout(10_000);
      RawHttp.Response r = RawHttp.get(s, "alb.local", "/");
      assertEquals(200, r.status());
      assertTrue(r.headers().getOrDefault("connection", "keep-alive").equalsIgnoreCase("keep-alive"), "kept alive");
      assertEquals(-1, s.getInputStream().read(), "the ALB closes a connection idle for its timeout");
    }
  }

  /** The idle timeout bounds the ALB's pooled connections to its targets too, as on AWS. */
  @ParameterizedTest
  @ValueSource(ints = {1, 60})
  void pooledConnectionToTheTargetLastsUntilTheIdleTimeout(int idle) throws Exception {
    // Connections are pooled per event loop: with one, both requests share the pool.
    engine.close();
    engine = res.add(new LoadBalancerEngine(Namespaces.HOST, sink, HealthTiming.FAST, 1));
    HttpBackend b = res.add(new HttpBackend("web1", "127.0.2.1", 0));
    applyHttp(idle, forward(TG), List.of(), web(b.port()));
    assertEquals(200, httpGet("alb.local", "/").status());
    Thread.sleep(2_000);
    assertEquals(200, httpGet("alb.local", "/").status());
    assertEquals(idle == 60, b.remotes.get(0).getPort() == b.remotes.get(1).getPort(),
        "the second request rides the first's connection only while it has not idled out: " + b.remotes);
  }

  @Test
  void sniPicksTheMatchingCertificateAndTls13PolicyNegotiatesTls13() throws Exception {
    HttpBackend b = res.add(new HttpBackend("web1", "127.0.2.1", 0));
    CertificateSpec other = certificate("other.local", List.of("other.local", "*.other.local"), false);
    applyHttps(60, List.of(CERT, other), "ELBSecurityPolicy-TLS13-1-2-2021-06", web(b.port()));
    try (SSLSocket s = Tls.connect(NODE, port, "www.other.local")) {
      assertTrue(Tls.subject(s).contains("CN=other.local"), Tls.subject(s));
      assertEquals("TLSv1.3", s.getSession().getProtocol());
    }
    try (SSLSocket s = Tls.connect(NODE, port, "unknown.example")) {
      assertTrue(Tls.subject(s).contains("CN=alb.local"), "default certificate: " + Tls.subject(s));
    }
  }

  @Test
  void replacedCertificateServesNewConnectionsWhileOpenOnesKeepTheirs() throws Exception {
    HttpBackend b = res.add(new HttpBackend("web1", "127.0.2.1", 0));
    applyHttps(60, List.of(CERT), null, web(b.port()));
    try (SSLSocket open = Tls.connect(NODE, port, null)) {
      open.setSoTimeout(10_000);
      assertEquals(200, RawHttp.get(open, "alb.local", "/").status());
      CertificateSpec other = certificate("other.local", List.of("other.local"), false);
      applyHttps(60, List.of(other), null, web(b.port()));
      // the old context was released by the listener, but this connection's engine still holds it
      assertEquals(200, RawHttp.get(open, "alb.local", "/").status());
      try (SSLSocket s = Tls.connect(NODE, port, null)) {
        assertTrue(Tls.subject(s).contains("CN=other.local"), Tls.subject(s));
      }
    }
  }

  @Test
  void http2ByAlpn() throws Exception {
    HttpBackend b = res.add(new HttpBackend("web1", "127.0.2.1", 0));
    applyHttps(60, List.of(CERT), null, web(b.port()));
    HttpClient client = HttpClient.newBuilder().sslContext(Tls.trustAll()).version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://" + NODE + ":" + port + "/h2"))
        .header("X-Test", "yes").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(HttpClient.Version.HTTP_2, r.version());
    assertEquals(200, r.statusCode());
    assertTrue(r.body().startsWith("web1\nGET /h2\n"), r.body());
    assertTrue(r.body().contains("x-test: yes\n") && r.body().contains("x-forwarded-proto: https\n"), r.body());
    assertFalse(r.body().contains("x-http2"), r.body());
    client.close();
  }

  /** Requests with a body (by length, chunked) and without, pipelined on one connection: each reaches the target whole, in order. */
  @Test
  void requestsWithAndWithoutBodiesArriveWholeAndInOrder() throws Exception {
    HttpBackend b = res.add(new HttpBackend("web1", "127.0.2.1", 0));
    applyHttp(60, forward(TG), List.of(), web(b.port()));
    try (Socket s = new Socket(NODE, port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
          + "GET /b HTTP/1.1\r\nHost: x\r\n\r\n"
          + "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nwor\r\n2\r\nld\r\n0\r\n\r\n"
          + "GET /d HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String a = RawHttp.read(s.getInputStream()).body();
      String bodiless = RawHttp.read(s.getInputStream()).body();
      String chunked = RawHttp.read(s.getInputStream()).body();
      String last = RawHttp.read(s.getInputStream()).body();
      assertTrue(a.startsWith("web1\nPOST /a\n") && a.contains("content-length: 5\n") && a.endsWith("body: hello\n"), a);
      assertTrue(bodiless.startsWith("web1\nGET /b\n") && !bodiless.contains("body: "), bodiless);
      assertTrue(chunked.startsWith("web1\nPOST /c\n") && chunked.contains("content-length: 5\n")
          && !chunked.contains("transfer-encoding") && chunked.endsWith("body: world\n"), chunked);
      assertTrue(last.startsWith("web1\nGET /d\n") && last.contains("x-forwarded-port: " + port + "\n"), last);
    }
  }

  @Test
  void noRegisteredTargetsIs503() throws Exception {
    applyHttp(60, forward(TG), List.of(), web());
    RawHttp.Response r = httpGet("x", "/");
    assertEquals(503, r.status());
    assertEquals("awselb/2.0", r.header("server"));
    assertTrue(r.body().contains("<title>503 Service Temporarily Unavailable</title>"), r.body());
  }

  @Test
  void targetResetOrGarbageIs502() throws Exception {
    int reset = fault(s -> {
      try {
        s.getInputStream().read(new byte[4096]);
        s.setSoLinger(true, 0);
        s.close();
      } catch (Exception ignored) {
        // the fault is the point
      }
    });
    applyHttp(60, forward(TG), List.of(), web(reset));
    RawHttp.Response r = httpGet("x", "/");
    assertEquals(502, r.status());
    assertTrue(r.body().contains("<center><h1>502 Bad Gateway</h1></center>"), r.body());
    assertEquals("awselb/2.0", r.header("server"));
    int garbage = fault(s -> {
      try {
        s.getInputStream().read(new byte[4096]);
        s.getOutputStream().write("NOT HTTP AT ALL\r\n\r\n".getBytes());
        s.close();
      } catch (Exception ignored) {
        // the fault is the point
      }
    });
    applyHttp(60, forward(TG), List.of(), web(garbage));
    assertEquals(502, httpGet("x", "/").status());
  }

  @Test
  void targetThatNeverAnswersIs504AfterTheIdleTimeout() throws Exception {
    int hang = fault(s -> {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException ignored) {
        // released when the test ends
      }
    });
    applyHttp(1, forward(TG), List.of(), web(hang));
    long t0 = System.nanoTime();
    RawHttp.Response r = httpGet("x", "/");
    assertEquals(504, r.status());
    assertTrue(r.body().contains("504 Gateway Time-out"), r.body());
    assertTrue(System.nanoTime() - t0 >= 900_000_000L, "waited for the timeout");
  }

  @Test
  void rulesByPriorityFixedResponseAndRedirect() throws Exception {
    HttpBackend b = res.add(new HttpBackend("web1", "127.0.2.1", 0));
    List<RuleSpec> rules = List.of(
        new RuleSpec(20, List.of(new Condition(ConditionField.HOST_HEADER, null, List.of("old.example.*"))),
            new ActionSpec.Redirect("HTTPS", "new.example.com", "443", "/moved/#{path}", "#{query}&r=1", 301)),
        new RuleSpec(10, List.of(new Condition(ConditionField.PATH_PATTERN, null, List.of("/fixed/*", "/f?x")),
            new Condition(ConditionField.HTTP_REQUEST_METHOD, null, List.of("GET"))),
            new ActionSpec.FixedResponse(418, "text/plain", "I'm a teapot")),
        new RuleSpec(30, List.of(new Condition(ConditionField.HTTP_HEADER, "X-Canary", List.of("ON"))),
            new ActionSpec.FixedResponse(200, "text/plain", "canary")));
    applyHttp(60, forward(TG), rules, web(b.port()));
    RawHttp.Response fixed = httpGet("old.example.org", "/fixed/a/b");
    assertEquals(418, fixed.status(), "priority 10 wins over 20");
    assertEquals("I'm a teapot", fixed.body());
    assertEquals(418, httpGet("x", "/fox").status());
    RawHttp.Response redirect = httpGet("old.example.org:8080", "/a/b?q=2");
    assertEquals(301, redirect.status());
    assertEquals("https://new.example.com/moved/a/b?q=2&r=1", redirect.header("location"));
    assertEquals("canary", httpGet("x", "/", "X-Canary: on").body());
    assertTrue(httpGet("x", "/plain").body().startsWith("web1\n"), "default action forwards");
  }

  @Test
  void roundRobinOverTargets() throws Exception {
    HttpBackend b1 = res.add(new HttpBackend("web1", "127.0.2.1", 0));
    HttpBackend b2 = res.add(new HttpBackend("web2", "127.0.2.1", 0));
    applyHttp(60, forward(TG), List.of(), web(b1.port(), b2.port()));
    // Until both are healthy the ALB routes only to the healthy one, as on AWS: a slow first check
    // of one target would otherwise send every request to the other.
    await(java.time.Duration.ofSeconds(10), "both targets healthy", () -> java.util.stream.IntStream.of(b1.port(), b2.port())
        .allMatch(p -> sink.health.getOrDefault(TG + "|i-" + p + "|" + p, "").startsWith("healthy|")));
    var names = new java.util.HashSet<String>();
    try (Socket s = new Socket(NODE, port)) {
      s.setSoTimeout(5000);
      for (int i = 0; i < 4; i++) {
        names.add(RawHttp.get(s, "x", "/").body().split("\n")[0]);
      }
    }
    assertEquals(java.util.Set.of("web1", "web2"), names);
  }

  /** A target that accepts and then misbehaves as {@code behaviour} says. */
  private int fault(Consumer<Socket> behaviour) throws Exception {
    ServerSocket ss = res.add(new ServerSocket(0, 50, InetAddress.getByName("127.0.2.1")));
    Thread.ofVirtual().start(() -> {
      while (!ss.isClosed()) {
        try {
          Socket s = ss.accept();
          Thread.ofVirtual().start(() -> behaviour.accept(s));
        } catch (Exception e) {
          return;
        }
      }
    });
    return ss.getLocalPort();
  }
}
