package dev.privatelink.control.elb;

import dev.privatelink.server.LoadBalancerProjection;
import static org.junit.jupiter.api.Assertions.*;

import dev.privatelink.control.ControlEvent;
import dev.privatelink.control.Features;
import dev.privatelink.control.Scope;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.*;

class LoadBalancersTest {
  private final ElbFixture f = new ElbFixture();

  @Test
  void aLoadBalancerTheHostCannotMakeIsFailedWithTheReason() {
    LoadBalancer lb = f.nlb("broken");
    f.report(new dev.privatelink.control.ControlEvent.ResourceFailed(lb.loadBalancerArn(), "port 80: address in use"));
    LoadBalancer seen = f.<DescribeLoadBalancersResponse>call(DescribeLoadBalancersRequest.builder()
        .loadBalancerArns(lb.loadBalancerArn()).build()).loadBalancers().getFirst();
    assertEquals("failed", seen.state().codeAsString());
    assertEquals("port 80: address in use", seen.state().reason());
  }

  @Test
  void internalApplicationLoadBalancerStartsProvisioningWithOneInterfacePerSubnet() {
    LoadBalancer lb = f.alb("web");
    assertTrue(lb.loadBalancerArn().matches(
        "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/web/[0-9a-f]{16}"), lb.loadBalancerArn());
    assertTrue(lb.dnsName().matches("internal-web-\\d{10}\\.us-east-1\\.elb\\.amazonaws\\.com"), lb.dnsName());
    assertEquals("Z35SXDOTRQ7X7K", lb.canonicalHostedZoneId());
    assertEquals("provisioning", lb.state().codeAsString());
    assertEquals(f.vpc, lb.vpcId());
    assertEquals(List.of(f.network.defaultSecurityGroupId(null, f.vpc)), lb.securityGroups());
    assertEquals(2, f.network.enis.size());
    String id = lb.loadBalancerArn().substring(lb.loadBalancerArn().lastIndexOf('/') + 1);
    f.network.enis.values().forEach(eni -> {
      assertEquals("interface", eni.interfaceType());
      assertEquals("ELB app/web/" + id, eni.description());
      assertEquals("amazon-elb", eni.requesterId());
    });

    f.report(new ControlEvent.ResourceReady(lb.loadBalancerArn()));
    assertEquals("active", describe(lb.loadBalancerArn()).state().codeAsString());
    assertFalse(f.cloud.report(new ControlEvent.ResourceReady(lb.loadBalancerArn())), "a repeated report changes nothing");
  }

  @Test
  void networkLoadBalancerHidesAddressesItPickedAndIsVisibleToPrivateLink() {
    LoadBalancer lb = f.nlb("svc");
    assertTrue(lb.dnsName().matches("svc-[0-9a-f]{16}\\.elb\\.us-east-1\\.amazonaws\\.com"), lb.dnsName());
    assertEquals("Z26RNL4JYFTOTI", lb.canonicalHostedZoneId());
    // AWS sends an empty LoadBalancerAddresses for addresses no subnet mapping fixed (aws-cli#8020).
    assertTrue(lb.availabilityZones().get(0).hasLoadBalancerAddresses());
    assertEquals(List.of(), lb.availabilityZones().get(0).loadBalancerAddresses());
    assertTrue(f.network.enis.values().stream().allMatch(e -> e.interfaceType().equals("network_load_balancer")));
    assertFalse(lb.hasSecurityGroups(), "an NLB created without security groups has none listed");
    var info = f.cloud.read(x -> x.elb().networkLoadBalancer(new Scope(ElbFixture.ACCOUNT, ElbFixture.REGION),
        lb.loadBalancerArn())).orElseThrow();
    assertEquals(List.of("us-east-1a", "us-east-1b"), info.availabilityZones());
    assertEquals("internal", info.scheme());
  }

  @Test
  void applicationLoadBalancerNeedsTwoZonesAndOneSubnetPerZone() {
    f.fails("ValidationError", CreateLoadBalancerRequest.builder().name("a").subnets(f.subnetA).build());
    String sameZone = f.network.addSubnet(f.vpc, "10.0.4.0/24", "us-east-1a");
    f.fails("InvalidConfigurationRequest", CreateLoadBalancerRequest.builder().name("a")
        .subnets(f.subnetA, sameZone).build());
    f.fails("SubnetNotFound", CreateLoadBalancerRequest.builder().name("a").subnets(f.subnetA, "subnet-404").build());
    assertTrue(f.network.enis.isEmpty());
    assertTrue(all().isEmpty(), "failed calls leave nothing behind");
  }

  @Test
  void namesFollowAwsRules() {
    for (String bad : List.of("internal-x", "-a", "a-", "a_b", "x".repeat(33))) {
      f.fails("ValidationError", CreateLoadBalancerRequest.builder().name(bad).subnets(f.subnetA, f.subnetB).build());
    }
    f.fails("InvalidConfigurationRequest", CreateLoadBalancerRequest.builder().name("gw").type("gateway")
        .subnets(f.subnetA).build());
  }

  @Test
  void sameNameSameSettingsReturnsTheExistingLoadBalancerOtherwiseDuplicate() {
    LoadBalancer first = f.alb("web");
    LoadBalancer again = f.alb("web");
    assertEquals(first.loadBalancerArn(), again.loadBalancerArn());
    f.fails("DuplicateLoadBalancerName", CreateLoadBalancerRequest.builder().name("web").scheme("internal")
        .subnets(f.subnetA, f.subnetC).build());
    assertEquals(1, all().size());
  }

  @Test
  void describeByNameAndPaging() {
    f.alb("one");
    f.alb("two");
    f.nlb("three");
    DescribeLoadBalancersResponse byName = f.call(DescribeLoadBalancersRequest.builder().names("two").build());
    assertEquals("two", byName.loadBalancers().getFirst().loadBalancerName());
    f.fails("LoadBalancerNotFound", DescribeLoadBalancersRequest.builder().names("nope").build());
    f.fails("LoadBalancerNotFound", DescribeLoadBalancersRequest.builder()
        .loadBalancerArns("arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/x/0123456789abcdef").build());
    DescribeLoadBalancersResponse page1 = f.call(DescribeLoadBalancersRequest.builder().pageSize(2).build());
    assertEquals(2, page1.loadBalancers().size());
    DescribeLoadBalancersResponse page2 = f.call(DescribeLoadBalancersRequest.builder().pageSize(2)
        .marker(page1.nextMarker()).build());
    assertEquals(List.of("three"), page2.loadBalancers().stream().map(LoadBalancer::loadBalancerName).toList());
    assertNull(page2.nextMarker());
  }

  @Test
  void attributesHaveAwsDefaultsAndAreValidated() {
    LoadBalancer alb = f.alb("web");
    LoadBalancer nlb = f.nlb("svc");
    Map<String, String> albAttrs = attributes(alb.loadBalancerArn());
    assertEquals("60", albAttrs.get("idle_timeout.timeout_seconds"));
    assertEquals("false", albAttrs.get("deletion_protection.enabled"));
    assertEquals("true", albAttrs.get("routing.http2.enabled"));
    assertEquals("false", attributes(nlb.loadBalancerArn()).get("load_balancing.cross_zone.enabled"));

    f.fails("ValidationError", ModifyLoadBalancerAttributesRequest.builder().loadBalancerArn(alb.loadBalancerArn())
        .attributes(attr("idle_timeout.timeout_seconds", "120"), attr("no.such.key", "1")).build());
    f.fails("InvalidConfigurationRequest", ModifyLoadBalancerAttributesRequest.builder()
        .loadBalancerArn(alb.loadBalancerArn()).attributes(attr("idle_timeout.timeout_seconds", "0")).build());
    assertEquals("60", attributes(alb.loadBalancerArn()).get("idle_timeout.timeout_seconds"), "failed calls change nothing");

    f.call(ModifyLoadBalancerAttributesRequest.builder().loadBalancerArn(alb.loadBalancerArn())
        .attributes(attr("idle_timeout.timeout_seconds", "120")).build());
    assertEquals("120", attributes(alb.loadBalancerArn()).get("idle_timeout.timeout_seconds"));
    assertEquals(120, f.cloud.read(LoadBalancerProjection::loadBalancers).stream()
        .filter(s -> s.arn().equals(alb.loadBalancerArn())).findFirst().orElseThrow().idleTimeoutSeconds());
  }

  @Test
  void deletionProtectionThenDeleteRemovesInterfacesAndListenersAndIsIdempotent() {
    LoadBalancer lb = f.nlb("svc");
    TargetGroup tg = f.targetGroup("tcp", "TCP", 80, "instance");
    Listener listener = f.forwardListener(lb.loadBalancerArn(), "TCP", 80, tg.targetGroupArn());
    f.call(ModifyLoadBalancerAttributesRequest.builder().loadBalancerArn(lb.loadBalancerArn())
        .attributes(attr("deletion_protection.enabled", "true")).build());
    f.fails("OperationNotPermitted", DeleteLoadBalancerRequest.builder().loadBalancerArn(lb.loadBalancerArn()).build());
    f.call(ModifyLoadBalancerAttributesRequest.builder().loadBalancerArn(lb.loadBalancerArn())
        .attributes(attr("deletion_protection.enabled", "false")).build());

    f.call(DeleteLoadBalancerRequest.builder().loadBalancerArn(lb.loadBalancerArn()).build());
    assertTrue(f.network.enis.isEmpty());
    f.fails("ListenerNotFound", DescribeListenersRequest.builder().listenerArns(listener.listenerArn()).build());
    f.call(DeleteLoadBalancerRequest.builder().loadBalancerArn(lb.loadBalancerArn()).build());
    f.call(DeleteTargetGroupRequest.builder().targetGroupArn(tg.targetGroupArn()).build());
  }

  @Test
  void setSecurityGroupsUpdatesEveryNode() {
    LoadBalancer lb = f.alb("web");
    String sg = f.network.addGroup(f.vpc, "web");
    f.call(SetSecurityGroupsRequest.builder().loadBalancerArn(lb.loadBalancerArn()).securityGroups(sg).build());
    assertEquals(List.of(sg), describe(lb.loadBalancerArn()).securityGroups());
    assertTrue(f.network.enis.values().stream().allMatch(e -> e.groupIds().equals(List.of(sg))));
    f.fails("InvalidSecurityGroup", SetSecurityGroupsRequest.builder().loadBalancerArn(lb.loadBalancerArn())
        .securityGroups("sg-404").build());
    f.fails("InvalidConfigurationRequest", SetSecurityGroupsRequest.builder()
        .loadBalancerArn(f.nlb("svc").loadBalancerArn()).securityGroups(sg).build());
  }

  @Test
  void describeDoesNotChangeTheVersion() {
    LoadBalancer lb = f.alb("web");
    long version = f.cloud.version();
    describe(lb.loadBalancerArn());
    attributes(lb.loadBalancerArn());
    assertEquals(version, f.cloud.version());
    assertNotNull(f.cloud.read(Features::elb));
  }

  private LoadBalancer describe(String arn) {
    DescribeLoadBalancersResponse r = f.call(DescribeLoadBalancersRequest.builder().loadBalancerArns(arn).build());
    return r.loadBalancers().getFirst();
  }

  private List<LoadBalancer> all() {
    DescribeLoadBalancersResponse r = f.call(DescribeLoadBalancersRequest.builder().build());
    return r.loadBalancers();
  }

  private Map<String, String> attributes(String arn) {
    DescribeLoadBalancerAttributesResponse r = f.call(DescribeLoadBalancerAttributesRequest.builder()
        .loadBalancerArn(arn).build());
    return r.attributes().stream().collect(Collectors.toMap(LoadBalancerAttribute::key, LoadBalancerAttribute::value));
  }

  private static LoadBalancerAttribute attr(String key, String value) {
    return LoadBalancerAttribute.builder().key(key).value(value).build();
  }
}
