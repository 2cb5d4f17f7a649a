package dev.privatelink.control.elb;

import dev.privatelink.server.LoadBalancerProjection;
import static org.junit.jupiter.api.Assertions.*;

import dev.privatelink.control.ControlEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.*;

class TargetsTest {
  private final ElbFixture f = new ElbFixture();

  @Test
  void targetGroupHealthCheckDefaultsFollowTheProtocol() {
    TargetGroup http = f.targetGroup("web", "HTTP", 80, "instance");
    assertEquals("HTTP", http.healthCheckProtocolAsString());
    assertEquals("/", http.healthCheckPath());
    assertEquals("traffic-port", http.healthCheckPort());
    assertEquals(List.of(30, 5, 5, 2), List.of(http.healthCheckIntervalSeconds(), http.healthCheckTimeoutSeconds(),
        http.healthyThresholdCount(), http.unhealthyThresholdCount()));
    assertEquals("200", http.matcher().httpCode());
    assertTrue(http.targetGroupArn().matches(
        "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/web/[0-9a-f]{16}"));

    TargetGroup tcp = f.targetGroup("svc", "TCP", 8080, "ip");
    assertEquals("TCP", tcp.healthCheckProtocolAsString());
    assertEquals(10, tcp.healthCheckTimeoutSeconds());
    assertNull(tcp.healthCheckPath());
    assertNull(tcp.matcher());

    CreateTargetGroupResponse nlbHttp = f.call(CreateTargetGroupRequest.builder().name("nh").protocol("TCP").port(80)
        .vpcId(f.vpc).healthCheckProtocol("HTTP").build());
    assertEquals(6, nlbHttp.targetGroups().getFirst().healthCheckTimeoutSeconds());
    assertEquals("200-399", nlbHttp.targetGroups().getFirst().matcher().httpCode());
  }

  @Test
  void targetGroupRules() {
    f.fails("ValidationError", CreateTargetGroupRequest.builder().name("a").protocol("HTTP").port(80).vpcId(f.vpc)
        .targetType("alb").build());
    f.fails("ValidationError", CreateTargetGroupRequest.builder().name("a").protocol("HTTP").port(80).build());
    f.fails("ValidationError", CreateTargetGroupRequest.builder().name("a").protocol("HTTP").port(80).vpcId(f.vpc)
        .healthCheckIntervalSeconds(5).healthCheckTimeoutSeconds(5).build());
    TargetGroup tg = f.targetGroup("web", "HTTP", 80, "instance");
    assertEquals(tg.targetGroupArn(), f.targetGroup("web", "HTTP", 80, "instance").targetGroupArn());
    f.fails("DuplicateTargetGroupName", CreateTargetGroupRequest.builder().name("web").protocol("HTTP").port(81)
        .vpcId(f.vpc).build());
    DescribeTargetGroupsResponse all = f.call(DescribeTargetGroupsRequest.builder().build());
    assertEquals(1, all.targetGroups().size());
  }

  @Test
  void anEmptyProtocolVersionIsNoVersionAsTheTerraformProviderSendsIt() {
    CreateTargetGroupResponse r = f.call(CreateTargetGroupRequest.builder().name("web").protocol("HTTP").port(80)
        .vpcId(f.vpc).protocolVersion("").build());
    assertEquals("HTTP1", r.targetGroups().getFirst().protocolVersion());
    CreateTargetGroupResponse tcp = f.call(CreateTargetGroupRequest.builder().name("svc").protocol("TCP").port(80)
        .vpcId(f.vpc).protocolVersion("").build());
    assertNull(tcp.targetGroups().getFirst().protocolVersion());
    f.fails("ValidationError", CreateTargetGroupRequest.builder().name("bad").protocol("HTTP").port(80).vpcId(f.vpc)
        .protocolVersion("HTTP3").build());
  }

  @Test
  void targetGroupAttributesDependOnTheProtocol() {
    TargetGroup tcp = f.targetGroup("svc", "TCP", 80, "instance");
    DescribeTargetGroupAttributesResponse r = f.call(DescribeTargetGroupAttributesRequest.builder()
        .targetGroupArn(tcp.targetGroupArn()).build());
    assertTrue(r.attributes().contains(TargetGroupAttribute.builder().key("proxy_protocol_v2.enabled").value("false").build()));
    assertTrue(r.attributes().contains(TargetGroupAttribute.builder().key("deregistration_delay.timeout_seconds").value("300").build()));
    TargetGroup http = f.targetGroup("web", "HTTP", 80, "instance");
    f.fails("ValidationError", ModifyTargetGroupAttributesRequest.builder().targetGroupArn(http.targetGroupArn())
        .attributes(TargetGroupAttribute.builder().key("proxy_protocol_v2.enabled").value("true").build()).build());
    f.call(ModifyTargetGroupAttributesRequest.builder().targetGroupArn(tcp.targetGroupArn())
        .attributes(TargetGroupAttribute.builder().key("proxy_protocol_v2.enabled").value("true").build()).build());
  }

  @Test
  void targetHealthMovesFromUnusedToInitialToReportedToDrainingToGone() {
    String instance = f.network.addInstance(f.subnetA, "10.0.1.10", "running");
    TargetGroup tg = f.targetGroup("svc", "TCP", 80, "instance");
    f.call(RegisterTargetsRequest.builder().targetGroupArn(tg.targetGroupArn())
        .targets(TargetDescription.builder().id(instance).build()).build());
    assertHealth(tg, "unused", "Target.NotInUse");

    LoadBalancer nlb = f.nlb("svc");
    f.forwardListener(nlb.loadBalancerArn(), "TCP", 80, tg.targetGroupArn());
    TargetHealthDescription d = health(tg).getFirst();
    assertEquals(80, d.target().port());
    assertEquals("80", d.healthCheckPort());
    assertHealth(tg, "initial", "Elb.RegistrationInProgress");

    f.report(new ControlEvent.TargetHealthChanged(tg.targetGroupArn(), instance, 80, "healthy", null, null));
    assertHealth(tg, "healthy", null);
    var spec = f.cloud.read(LoadBalancerProjection::loadBalancers).getFirst().targetGroups().getFirst();
    assertEquals("10.0.1.10", spec.targets().getFirst().ip());
    assertEquals("us-east-1a", spec.targets().getFirst().availabilityZone());
    assertEquals(-1, spec.healthCheck().port());

    f.call(DeregisterTargetsRequest.builder().targetGroupArn(tg.targetGroupArn())
        .targets(TargetDescription.builder().id(instance).build()).build());
    assertHealth(tg, "draining", "Target.DeregistrationInProgress");
    assertEquals(1, f.cloud.read(x -> x.elb().drainDeadlines()).size());
    assertFalse(f.cloud.report(new ControlEvent.Tick(tg.targetGroupArn())), "the delay has not passed");
    f.clock.advance(Duration.ofSeconds(300));
    assertTrue(f.cloud.report(new ControlEvent.Tick(tg.targetGroupArn())));
    assertTrue(health(tg).isEmpty());
    DescribeTargetHealthResponse asked = f.call(DescribeTargetHealthRequest.builder().targetGroupArn(tg.targetGroupArn())
        .targets(TargetDescription.builder().id(instance).build()).build());
    assertEquals("Target.NotRegistered", asked.targetHealthDescriptions().getFirst().targetHealth().reasonAsString());
  }

  @Test
  void registrationChecksTargets() {
    TargetGroup tg = f.targetGroup("svc", "TCP", 80, "instance");
    String stopped = f.network.addInstance(f.subnetA, "10.0.1.11", "stopped");
    f.fails("InvalidTarget", register(tg, "i-0000000000000dead", null));
    f.fails("InvalidTarget", register(tg, stopped, null));
    String otherVpc = f.network.addVpc(ElbFixture.SCOPE, "10.1.0.0/16");
    String otherSubnet = f.network.addSubnet(otherVpc, "10.1.1.0/24", "us-east-1a");
    f.fails("InvalidTarget", register(tg, f.network.addInstance(otherSubnet, "10.1.1.5", "running"), null));

    TargetGroup ip = f.targetGroup("ip", "TCP", 80, "ip");
    f.fails("InvalidTarget", register(ip, "192.168.0.1", null));
    f.call(register(ip, "10.0.2.20", 8080));
    assertEquals(8080, health(ip).getFirst().target().port());
    f.fails("InvalidTarget", DeregisterTargetsRequest.builder().targetGroupArn(ip.targetGroupArn())
        .targets(TargetDescription.builder().id("10.0.2.21").build()).build());
    assertEquals(1, health(ip).size(), "a failed call changes nothing");
  }

  @Test
  void albTargetsResolveToTheAlbNodes() {
    LoadBalancer alb = f.alb("web");
    TargetGroup http = f.targetGroup("web", "HTTP", 80, "ip");
    f.forwardListener(alb.loadBalancerArn(), "HTTP", 80, http.targetGroupArn());
    TargetGroup albTg = f.targetGroup("to-alb", "TCP", 80, "alb");
    f.fails("InvalidTarget", register(albTg, alb.loadBalancerArn(), 81));
    f.call(register(albTg, alb.loadBalancerArn(), null));
    f.fails("TooManyTargets", register(albTg, f.alb("other").loadBalancerArn(), 80));

    LoadBalancer nlb = f.nlb("front");
    f.forwardListener(nlb.loadBalancerArn(), "TCP", 80, albTg.targetGroupArn());
    var spec = f.cloud.read(LoadBalancerProjection::loadBalancers).stream()
        .filter(s -> s.arn().equals(nlb.loadBalancerArn())).findFirst().orElseThrow();
    var targets = spec.targetGroups().getFirst().targets();
    assertEquals(List.of("10.0.1.4", "10.0.2.4"), targets.stream().map(t -> t.ip()).toList());
  }

  private RegisterTargetsRequest register(TargetGroup tg, String id, Integer port) {
    return RegisterTargetsRequest.builder().targetGroupArn(tg.targetGroupArn())
        .targets(TargetDescription.builder().id(id).port(port).build()).build();
  }

  private List<TargetHealthDescription> health(TargetGroup tg) {
    DescribeTargetHealthResponse r = f.call(DescribeTargetHealthRequest.builder().targetGroupArn(tg.targetGroupArn()).build());
    return r.targetHealthDescriptions();
  }

  private void assertHealth(TargetGroup tg, String state, String reason) {
    TargetHealth h = health(tg).getFirst().targetHealth();
    assertEquals(state, h.stateAsString());
    assertEquals(reason, h.reasonAsString());
  }
}
