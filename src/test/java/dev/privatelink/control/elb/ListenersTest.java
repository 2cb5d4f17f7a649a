package dev.privatelink.control.elb;

import dev.privatelink.server.LoadBalancerProjection;
import static org.junit.jupiter.api.Assertions.*;

import dev.privatelink.control.acm.TestCertificates;
import dev.privatelink.dataplane.spec.ActionSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.acm.model.DeleteCertificateRequest;
import software.amazon.awssdk.services.acm.model.DescribeCertificateRequest;
import software.amazon.awssdk.services.acm.model.DescribeCertificateResponse;
import software.amazon.awssdk.services.acm.model.ImportCertificateRequest;
import software.amazon.awssdk.services.acm.model.ImportCertificateResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.*;

class ListenersTest {
  private final ElbFixture f = new ElbFixture();

  private String certificate(String cn) throws Exception {
    Instant now = f.clock.instant();
    var pem = TestCertificates.rsa(cn, now.minusSeconds(60), now.plusSeconds(86400), true);
    ImportCertificateResponse r = f.call(ImportCertificateRequest.builder().certificate(pem.certificateBytes())
        .privateKey(pem.keyBytes()).build());
    return r.certificateArn();
  }

  @Test
  void httpsListenerNeedsAnExistingCertificateAndGetsTheDefaultPolicy() throws Exception {
    LoadBalancer alb = f.alb("web");
    TargetGroup tg = f.targetGroup("web", "HTTP", 80, "instance");
    Action forward = Action.builder().type("forward").targetGroupArn(tg.targetGroupArn()).build();
    f.fails("ValidationError", CreateListenerRequest.builder().loadBalancerArn(alb.loadBalancerArn()).protocol("HTTPS")
        .port(443).defaultActions(forward).build());
    f.fails("CertificateNotFound", CreateListenerRequest.builder().loadBalancerArn(alb.loadBalancerArn())
        .protocol("HTTPS").port(443).defaultActions(forward).certificates(Certificate.builder()
            .certificateArn("arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-4000-8000-000000000000").build())
        .build());
    String cert = certificate("web.example");
    CreateListenerResponse r = f.call(CreateListenerRequest.builder().loadBalancerArn(alb.loadBalancerArn())
        .protocol("HTTPS").port(443).defaultActions(forward)
        .certificates(Certificate.builder().certificateArn(cert).build()).build());
    Listener l = r.listeners().getFirst();
    assertEquals("ELBSecurityPolicy-2016-08", l.sslPolicy());
    assertTrue(l.listenerArn().startsWith(alb.loadBalancerArn().replace(":loadbalancer/", ":listener/") + "/"));
    assertEquals(tg.targetGroupArn(), l.defaultActions().getFirst().forwardConfig().targetGroups().getFirst().targetGroupArn());

    String sni = certificate("api.example");
    f.call(AddListenerCertificatesRequest.builder().listenerArn(l.listenerArn())
        .certificates(Certificate.builder().certificateArn(sni).build()).build());
    DescribeListenerCertificatesResponse certs = f.call(DescribeListenerCertificatesRequest.builder()
        .listenerArn(l.listenerArn()).build());
    assertEquals(List.of(true, false), certs.certificates().stream().map(Certificate::isDefault).toList());

    DescribeCertificateResponse d = f.call(DescribeCertificateRequest.builder().certificateArn(cert).build());
    assertEquals(List.of(alb.loadBalancerArn()), d.certificate().inUseBy());
    f.fails("ResourceInUseException", DeleteCertificateRequest.builder().certificateArn(cert).build());

    var spec = f.cloud.read(LoadBalancerProjection::loadBalancers).getFirst().listeners().getFirst();
    assertEquals(2, spec.certificates().size());
    assertEquals(cert, spec.certificates().getFirst().arn());
    assertTrue(spec.certificates().getFirst().privateKeyPem().contains("PRIVATE KEY"));
    assertEquals(new ActionSpec.Forward(List.of(new ActionSpec.WeightedTargetGroup(tg.targetGroupArn(), 1))),
        spec.defaultAction());
  }

  @Test
  void protocolsPortsAndTargetGroupsAreChecked() {
    LoadBalancer nlb = f.nlb("svc");
    TargetGroup http = f.targetGroup("web", "HTTP", 80, "instance");
    TargetGroup tcp = f.targetGroup("tcp", "TCP", 80, "instance");
    f.fails("ValidationError", CreateListenerRequest.builder().loadBalancerArn(nlb.loadBalancerArn()).protocol("HTTP")
        .port(80).defaultActions(Action.builder().type("forward").targetGroupArn(tcp.targetGroupArn()).build()).build());
    f.fails("IncompatibleProtocols", CreateListenerRequest.builder().loadBalancerArn(nlb.loadBalancerArn())
        .protocol("TCP").port(80).defaultActions(Action.builder().type("forward").targetGroupArn(http.targetGroupArn())
            .build()).build());
    f.forwardListener(nlb.loadBalancerArn(), "TCP", 80, tcp.targetGroupArn());
    f.fails("DuplicateListener", CreateListenerRequest.builder().loadBalancerArn(nlb.loadBalancerArn()).protocol("TCP")
        .port(80).defaultActions(Action.builder().type("forward").targetGroupArn(tcp.targetGroupArn()).build()).build());
    LoadBalancer other = f.nlb("other");
    f.fails("TargetGroupAssociationLimit", CreateListenerRequest.builder().loadBalancerArn(other.loadBalancerArn())
        .protocol("TCP").port(80).defaultActions(Action.builder().type("forward").targetGroupArn(tcp.targetGroupArn())
            .build()).build());
    f.fails("ResourceInUse", DeleteTargetGroupRequest.builder().targetGroupArn(tcp.targetGroupArn()).build());
    DescribeTargetGroupsResponse byLb = f.call(DescribeTargetGroupsRequest.builder()
        .loadBalancerArn(nlb.loadBalancerArn()).build());
    assertEquals(List.of(nlb.loadBalancerArn()), byLb.targetGroups().getFirst().loadBalancerArns());
  }

  @Test
  void nlbListenerIdleTimeoutAttribute() {
    LoadBalancer nlb = f.nlb("svc");
    TargetGroup tcp = f.targetGroup("tcp", "TCP", 80, "instance");
    Listener l = f.forwardListener(nlb.loadBalancerArn(), "TCP", 80, tcp.targetGroupArn());
    DescribeListenerAttributesResponse attrs = f.call(DescribeListenerAttributesRequest.builder()
        .listenerArn(l.listenerArn()).build());
    assertEquals("350", attrs.attributes().getFirst().value());
    f.fails("InvalidConfigurationRequest", ModifyListenerAttributesRequest.builder().listenerArn(l.listenerArn())
        .attributes(ListenerAttribute.builder().key("tcp.idle_timeout.seconds").value("59").build()).build());
    f.call(ModifyListenerAttributesRequest.builder().listenerArn(l.listenerArn())
        .attributes(ListenerAttribute.builder().key("tcp.idle_timeout.seconds").value("600").build()).build());
    assertEquals(600, f.cloud.read(LoadBalancerProjection::loadBalancers).getFirst().listeners().getFirst()
        .tcpIdleTimeoutSeconds());
  }

  @Test
  void rulesHavePrioritiesAndADefaultRule() {
    LoadBalancer alb = f.alb("web");
    TargetGroup tg = f.targetGroup("web", "HTTP", 80, "instance");
    Listener l = f.forwardListener(alb.loadBalancerArn(), "HTTP", 80, tg.targetGroupArn());
    Action fixed = Action.builder().type("fixed-response").fixedResponseConfig(FixedResponseActionConfig.builder()
        .statusCode("404").contentType("text/plain").messageBody("nope").build()).build();
    RuleCondition path = RuleCondition.builder().field("path-pattern").values("/api/*").build();
    CreateRuleResponse created = f.call(CreateRuleRequest.builder().listenerArn(l.listenerArn()).priority(10)
        .conditions(path).actions(fixed).build());
    assertEquals(List.of("/api/*"), created.rules().getFirst().conditions().getFirst().pathPatternConfig().values());
    f.fails("PriorityInUse", CreateRuleRequest.builder().listenerArn(l.listenerArn()).priority(10)
        .conditions(path).actions(fixed).build());
    DescribeRulesResponse rules = f.call(DescribeRulesRequest.builder().listenerArn(l.listenerArn()).build());
    assertEquals(List.of("10", "default"), rules.rules().stream().map(Rule::priority).toList());
    f.fails("OperationNotPermitted", DeleteRuleRequest.builder().ruleArn(rules.rules().get(1).ruleArn()).build());

    var spec = f.cloud.read(LoadBalancerProjection::loadBalancers).getFirst().listeners().getFirst();
    assertEquals(new ActionSpec.FixedResponse(404, "text/plain", "nope"), spec.rules().getFirst().action());
    assertEquals(dev.privatelink.model.ConditionField.PATH_PATTERN, spec.rules().getFirst().conditions().getFirst().field());
  }

  @Test
  void sslPoliciesAndTags() {
    DescribeSslPoliciesResponse p = f.call(DescribeSslPoliciesRequest.builder()
        .names("ELBSecurityPolicy-TLS13-1-2-2021-06").build());
    assertEquals(List.of("TLSv1.2", "TLSv1.3"), p.sslPolicies().getFirst().sslProtocols());
    f.fails("SSLPolicyNotFound", DescribeSslPoliciesRequest.builder().names("nope").build());

    LoadBalancer alb = f.alb("web");
    f.call(AddTagsRequest.builder().resourceArns(alb.loadBalancerArn())
        .tags(Tag.builder().key("team").value("a").build()).build());
    DescribeTagsResponse tags = f.call(DescribeTagsRequest.builder().resourceArns(alb.loadBalancerArn()).build());
    assertEquals("a", tags.tagDescriptions().getFirst().tags().getFirst().value());
    f.fails("DuplicateTagKeys", AddTagsRequest.builder().resourceArns(alb.loadBalancerArn())
        .tags(Tag.builder().key("k").value("1").build(), Tag.builder().key("k").value("2").build()).build());
  }
}
