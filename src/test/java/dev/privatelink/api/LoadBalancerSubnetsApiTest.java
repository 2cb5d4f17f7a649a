package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.testing.LocalCloudExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.SubnetState;
import software.amazon.awssdk.services.ec2.model.VpcState;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.IpAddressType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetSubnetsResponse;

/**
 * SetSubnets, SetIpAddressType and SetSecurityGroups through the AWS SDK: a zone added to a load
 * balancer gets a node (an ENI in the new subnet), a dropped one loses it, the answer lists the
 * zones as DescribeLoadBalancers does, and bad requests get AWS's error codes and change nothing.
 */
class LoadBalancerSubnetsApiTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();

  OneSubnet net;
  Ec2Client ec2;
  ElasticLoadBalancingV2Client elb;
  String subnetB;
  String subnetC;

  @BeforeEach
  void network() {
    net = OneSubnet.in(CLOUD);
    ec2 = net.aws().ec2();
    elb = net.aws().elb();
    subnetB = subnet("10.0.1.0/24", "us-east-1b");
    subnetC = subnet("10.0.2.0/24", "us-east-1c");
  }

  private String subnet(String cidr, String zone) {
    return ec2.createSubnet(r -> r.vpcId(net.vpc()).cidrBlock(cidr).availabilityZone(zone)).subnet().subnetId();
  }

  private LoadBalancer nlb(String... subnets) {
    return active(elb.createLoadBalancer(r -> r.name("zones").type(LoadBalancerTypeEnum.NETWORK).scheme("internal").subnets(subnets))
        .loadBalancers().getFirst());
  }

  /** Once the cloud has reported it ready, so that no event moves the state version during a check. */
  private LoadBalancer active(LoadBalancer lb) {
    OneSubnet.await(() -> elb.describeLoadBalancers(r -> r.loadBalancerArns(lb.loadBalancerArn())).loadBalancers().getFirst()
        .state().code() == LoadBalancerStateEnum.ACTIVE);
    return lb;
  }

  private List<NetworkInterface> nodes(String arn) {
    return ec2.describeNetworkInterfaces(r -> r.filters(Filter.builder().name("description")
        .values("ELB " + arn.substring(arn.indexOf(":loadbalancer/") + 14)).build())).networkInterfaces();
  }

  private void fails(String code, Runnable call) {
    ElasticLoadBalancingV2Exception e = assertThrows(ElasticLoadBalancingV2Exception.class, call::run);
    assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
    assertEquals(400, e.statusCode());
  }

  @Test
  void aSubnetAddedToAnNlbGetsANodeAndTheAnswerListsEveryZone() {
    LoadBalancer lb = nlb(net.subnet());
    String kept = nodes(lb.loadBalancerArn()).getFirst().networkInterfaceId();
    SetSubnetsResponse set = elb.setSubnets(r -> r.loadBalancerArn(lb.loadBalancerArn()).subnets(net.subnet(), subnetB));
    assertEquals(List.of("us-east-1a", "us-east-1b"), set.availabilityZones().stream().map(AvailabilityZone::zoneName).sorted().toList());
    assertEquals(IpAddressType.IPV4, set.ipAddressType());
    LoadBalancer described = elb.describeLoadBalancers(r -> r.loadBalancerArns(lb.loadBalancerArn())).loadBalancers().getFirst();
    assertEquals(set.availabilityZones().stream().map(AvailabilityZone::subnetId).sorted().toList(),
        described.availabilityZones().stream().map(AvailabilityZone::subnetId).sorted().toList());
    List<NetworkInterface> enis = nodes(lb.loadBalancerArn());
    assertEquals(List.of(net.subnet(), subnetB), enis.stream().map(NetworkInterface::subnetId).sorted(
        (a, b) -> a.equals(net.subnet()) ? -1 : b.equals(net.subnet()) ? 1 : 0).toList());
    assertTrue(enis.stream().anyMatch(e -> e.networkInterfaceId().equals(kept)), "the kept zone keeps its node: " + enis);
    assertEquals("network_load_balancer", enis.stream().filter(e -> e.subnetId().equals(subnetB)).findFirst().orElseThrow()
        .interfaceTypeAsString());
  }

  @Test
  void aDroppedSubnetLosesItsNode() {
    LoadBalancer lb = nlb(net.subnet(), subnetB);
    elb.setSubnets(r -> r.loadBalancerArn(lb.loadBalancerArn()).subnets(net.subnet()));
    assertEquals(List.of(net.subnet()), nodes(lb.loadBalancerArn()).stream().map(NetworkInterface::subnetId).toList());
  }

  @Test
  void anApplicationLoadBalancerNeedsTwoZonesAndMayChangeASubnet() {
    String other = subnet("10.0.3.0/24", "us-east-1a");
    String sg = ec2.createSecurityGroup(r -> r.vpcId(net.vpc()).groupName("alb").description("alb")).groupId();
    String alb = active(elb.createLoadBalancer(r -> r.name("web").scheme("internal").subnets(net.subnet(), subnetB).securityGroups(sg))
        .loadBalancers().getFirst()).loadBalancerArn();
    long version = CLOUD.cloud().cloud().version();
    fails("ValidationError", () -> elb.setSubnets(r -> r.loadBalancerArn(alb).subnets(subnetB)));
    assertEquals(version, CLOUD.cloud().cloud().version(), "a refused call changes nothing");
    var zones = elb.setSubnets(r -> r.loadBalancerArn(alb).subnets(other, subnetB)).availabilityZones();
    assertEquals(List.of(other, subnetB), zones.stream().map(AvailabilityZone::subnetId).toList());
  }

  @Test
  void badSubnetsAreRefusedAndChangeNothing() {
    LoadBalancer lb = nlb(net.subnet());
    String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
    String foreign = ec2.createSubnet(r -> r.vpcId(otherVpc).cidrBlock("10.9.1.0/24").availabilityZone("us-east-1b")).subnet().subnetId();
    String sameZone = subnet("10.0.4.0/24", "us-east-1a");
    OneSubnet.await(() -> ec2.describeVpcs(r -> r.vpcIds(otherVpc)).vpcs().getFirst().state() == VpcState.AVAILABLE
        && ec2.describeSubnets(r -> r.subnetIds(foreign, sameZone)).subnets().stream().allMatch(s -> s.state() == SubnetState.AVAILABLE));
    long version = CLOUD.cloud().cloud().version();
    fails("SubnetNotFound", () -> elb.setSubnets(r -> r.loadBalancerArn(lb.loadBalancerArn()).subnets("subnet-0123456789abcdef0")));
    fails("InvalidConfigurationRequest", () -> elb.setSubnets(r -> r.loadBalancerArn(lb.loadBalancerArn()).subnets(net.subnet(), foreign)));
    fails("InvalidConfigurationRequest", () -> elb.setSubnets(r -> r.loadBalancerArn(lb.loadBalancerArn()).subnets(net.subnet(), sameZone)));
    fails("InvalidConfigurationRequest", () -> elb.setSubnets(r -> r.loadBalancerArn(lb.loadBalancerArn()).subnets(sameZone)));
    fails("ValidationError", () -> elb.setSubnets(r -> r.loadBalancerArn(lb.loadBalancerArn())));
    fails("LoadBalancerNotFound", () -> elb.setSubnets(r -> r.loadBalancerArn(lb.loadBalancerArn().replace("/zones/", "/gone/"))
        .subnets(net.subnet())));
    assertEquals(version, CLOUD.cloud().cloud().version(), "refused calls change nothing");
    assertEquals(1, nodes(lb.loadBalancerArn()).size());
  }

  @Test
  void setIpAddressTypeKeepsIpv4AndRefusesWhatIsNotCarried() {
    LoadBalancer lb = nlb(net.subnet());
    assertEquals(IpAddressType.IPV4, elb.setIpAddressType(r -> r.loadBalancerArn(lb.loadBalancerArn()).ipAddressType(IpAddressType.IPV4))
        .ipAddressType());
    fails("InvalidConfigurationRequest", () -> elb.setIpAddressType(r -> r.loadBalancerArn(lb.loadBalancerArn())
        .ipAddressType(IpAddressType.DUALSTACK)));
    fails("ValidationError", () -> elb.setIpAddressType(r -> r.loadBalancerArn(lb.loadBalancerArn()).ipAddressType("ipv5")));
    fails("ValidationError", () -> elb.setIpAddressType(r -> r.loadBalancerArn(lb.loadBalancerArn())));
  }

  @Test
  void setSecurityGroupsReplacesAnAlbsGroupsAndRefusesAnNlbCreatedWithout() {
    String a = ec2.createSecurityGroup(r -> r.vpcId(net.vpc()).groupName("a").description("a")).groupId();
    String b = ec2.createSecurityGroup(r -> r.vpcId(net.vpc()).groupName("b").description("b")).groupId();
    String alb = elb.createLoadBalancer(r -> r.name("web").scheme("internal").subnets(net.subnet(), subnetB).securityGroups(a))
        .loadBalancers().getFirst().loadBalancerArn();
    assertEquals(List.of(b), elb.setSecurityGroups(r -> r.loadBalancerArn(alb).securityGroups(b)).securityGroupIds());
    assertEquals(List.of(b), elb.describeLoadBalancers(r -> r.loadBalancerArns(alb)).loadBalancers().getFirst().securityGroups());
    fails("InvalidSecurityGroup", () -> elb.setSecurityGroups(r -> r.loadBalancerArn(alb).securityGroups("sg-0123456789abcdef0")));
    LoadBalancer lb = nlb(net.subnet());
    fails("InvalidConfigurationRequest", () -> elb.setSecurityGroups(r -> r.loadBalancerArn(lb.loadBalancerArn()).securityGroups(a)));
  }
}
