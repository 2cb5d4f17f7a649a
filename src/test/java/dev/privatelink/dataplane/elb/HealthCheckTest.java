package dev.privatelink.dataplane.elb;

import static dev.privatelink.dataplane.elb.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.privatelink.dataplane.netns.Namespaces;
import dev.privatelink.dataplane.spec.TargetGroupSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec.HealthCheckSpec;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HealthCheckTest {
  static final String TG = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/hc/1";
  static final String LB = "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/hc/1";

  @RegisterExtension final Resources res = new Resources();
  RecordingSink sink;
  LoadBalancerEngine engine;

  @BeforeEach
  void start() {
    sink = new RecordingSink();
    engine = res.add(new LoadBalancerEngine(Namespaces.HOST, sink, HealthTiming.FAST, 2));
  }

  private void apply(HealthCheckSpec hc, int targetPort) {
    TargetGroupSpec tg = group(TG, "HTTP", "instance", hc, false, List.of(target("i-1", "127.0.2.1", targetPort, AZ_A)));
    engine.apply("pl-vpc-1", List.of(alb(LB, 60, List.of(node(AZ_A, "127.0.1.1")),
        List.of(httpListener(freePort(), forward(TG), List.of())), List.of(tg))));
  }

  private String state(int port) {
    return sink.of(TG, "i-1", port);
  }

  @Test
  void stoppedTargetTurnsUnhealthyAndHealthyAgainWhenItReturns() throws Exception {
    TcpBackend b = new TcpBackend("t", "127.0.2.1", 0, false);
    int port = b.port();
    apply(tcpCheck(), port);
    assertTrue(sink.events.get(0).endsWith("=initial|Elb.InitialHealthChecking|Initial health checks in progress"), sink.events.toString());
    await(Duration.ofSeconds(5), "healthy", () -> state(port).startsWith("healthy|"));
    b.close();
    await(Duration.ofSeconds(5), "unhealthy", () -> state(port).equals("unhealthy|Target.FailedHealthChecks|Health checks failed"));
    res.add(new TcpBackend("t", "127.0.2.1", port, false));
    await(Duration.ofSeconds(5), "healthy again", () -> state(port).startsWith("healthy|"));
  }

  @Test
  void httpCheckReportsTheCodesThatDidNotMatch() throws Exception {
    HttpBackend b = res.add(new HttpBackend("web", "127.0.2.1", 0));
    b.status.set(502);
    apply(httpCheck("HTTP", "/health", "200,302"), b.port());
    await(Duration.ofSeconds(5), "code mismatch", () -> state(b.port())
        .equals("unhealthy|Target.ResponseCodeMismatch|Health checks failed with these codes: [502]"));
    b.status.set(302);
    await(Duration.ofSeconds(5), "healthy on a matching code", () -> state(b.port()).startsWith("healthy|"));
  }

  @Test
  void targetThatNeverAnswersTimesOut() throws Exception {
    ServerSocket silent = res.add(new ServerSocket(0, 50, InetAddress.getByName("127.0.2.1")));
    apply(httpCheck("HTTP", "/", "200"), silent.getLocalPort());
    await(Duration.ofSeconds(8), "timeout", () -> state(silent.getLocalPort())
        .equals("unhealthy|Target.Timeout|Request timed out"));
  }

  @Test
  void fastTimingCapsIntervalAndThresholds() {
    HealthCheckSpec aws = new HealthCheckSpec(true, "HTTP", -1, "/", 30, 5, 5, 2, "200");
    HealthCheckSpec fast = HealthTiming.FAST.effective(aws);
    assertEquals(1, fast.intervalSeconds());
    assertEquals(1, fast.timeoutSeconds());
    assertEquals(2, fast.healthyThreshold());
    assertEquals(aws, HealthTiming.AWS.effective(aws));
  }

  @Test
  void matcherForms() {
    assertTrue(new StatusMatcher("200").matches(200));
    assertFalse(new StatusMatcher("200").matches(201));
    assertTrue(new StatusMatcher("200-399").matches(302));
    assertTrue(new StatusMatcher("200,302").matches(302));
    assertFalse(new StatusMatcher("200,302").matches(301));
  }
}
