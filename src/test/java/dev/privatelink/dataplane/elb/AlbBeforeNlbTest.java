package dev.privatelink.dataplane.elb;

import static dev.privatelink.dataplane.elb.TestSupport.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.dataplane.netns.Namespaces;
import dev.privatelink.dataplane.spec.TargetGroupSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec.HealthCheckSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An NLB and the ALB it targets, made in one apply with the NLB listed first (as a projection may
 * list them): the ALB listens before the NLB reports (and starts checking) its {@code alb} target,
 * so that target goes from initial to healthy without failing checks against a port not yet bound.
 */
class AlbBeforeNlbTest {
  private static final String NLB = "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/net/front/1";
  private static final String ALB = "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/back/2";
  private static final String NLB_TG = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/to-alb/3";
  private static final String ALB_TG = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/4";

  @RegisterExtension final Resources res = new Resources();

  @Test
  void albListensBeforeTheNlbChecksIt() {
    RecordingSink sink = new RecordingSink();
    LoadBalancerEngine engine = res.add(new LoadBalancerEngine(Namespaces.HOST, sink, HealthTiming.FAST, 2));
    int albPort = freePort();
    TargetGroupSpec web = group(ALB_TG, "HTTP", "instance", httpCheck("HTTP", "/", "200"), false, List.of());
    HealthCheckSpec https = new HealthCheckSpec(true, "HTTPS", albPort, "/", 30, 10, 5, 2, "200-599");
    TargetGroupSpec toAlb = group(NLB_TG, "TCP", "alb", https, false, List.of(target(ALB, "127.0.3.11", albPort, AZ_A)));
    engine.apply("pl-vpc-order", List.of(
        nlb(NLB, false, List.of(node(AZ_A, "127.0.3.1")), List.of(tcpListener(freePort(), NLB_TG, 350)), List.of(toAlb)),
        alb(ALB, 60, List.of(node(AZ_A, "127.0.3.11")),
            List.of(httpsListener(albPort, List.of(certificate("back.elb.local", List.of(), true)),
                "ELBSecurityPolicy-2016-08", forward(ALB_TG))), List.of(web))));
    await(Duration.ofSeconds(10), "the NLB sees the ALB healthy", () -> sink.of(NLB_TG, ALB, albPort).startsWith("healthy"));
    List<String> timeline = sink.timeline;
    int albReady = timeline.indexOf("ready " + ALB);
    String target = NLB_TG + "|" + ALB + "|" + albPort + "=";
    int firstCheck = timeline.indexOf(target + "initial");
    assertTrue(albReady >= 0 && albReady < firstCheck, "the ALB is ready before its target is checked: " + timeline);
    assertTrue(timeline.stream().filter(e -> e.startsWith(target)).toList().equals(List.of(target + "initial", target + "healthy")),
        "the ALB target goes from initial to healthy: " + timeline);
  }
}
