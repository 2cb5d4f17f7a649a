package dev.privatelink.control.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.Cloud;
import dev.privatelink.control.MutationLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AccountAttributeName;
import software.amazon.awssdk.services.ec2.model.CreateDefaultSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateDefaultSubnetResponse;
import software.amazon.awssdk.services.ec2.model.CreateDefaultVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateDefaultVpcResponse;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Placement;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

class DefaultVpcTest {
  private final Ec2Fixture f = new Ec2Fixture();

  private Vpc defaultVpc() {
    DescribeVpcsResponse r = f.call(DescribeVpcsRequest.builder()
        .filters(Filter.builder().name("isDefault").values("true").build()).build());
    assertEquals(1, r.vpcs().size());
    return r.vpcs().get(0);
  }

  private List<Subnet> defaultSubnets() {
    DescribeSubnetsResponse r = f.call(DescribeSubnetsRequest.builder()
        .filters(Filter.builder().name("default-for-az").values("true").build()).build());
    return r.subnets();
  }

  @Test
  void everyAccountHasADefaultVpcInEveryRegionBeforeAnyCall() {
    Vpc vpc = defaultVpc();
    assertTrue(vpc.vpcId().matches("vpc-" + Ec2Fixture.ID17));
    assertEquals("172.31.0.0/16", vpc.cidrBlock());
    assertTrue(vpc.isDefault());
    assertEquals("available", vpc.stateAsString());
    assertEquals(Ec2Fixture.ACCOUNT, vpc.ownerId());
    DescribeVpcAttributeResponse support = f.call(DescribeVpcAttributeRequest.builder().vpcId(vpc.vpcId())
        .attribute(VpcAttributeName.ENABLE_DNS_SUPPORT).build());
    DescribeVpcAttributeResponse hostnames = f.call(DescribeVpcAttributeRequest.builder().vpcId(vpc.vpcId())
        .attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES).build());
    assertTrue(support.enableDnsSupport().value());
    assertTrue(hostnames.enableDnsHostnames().value());
    DescribeVpcsResponse other = f.callIn("222222222222", "eu-west-1", DescribeVpcsRequest.builder().build());
    assertEquals(1, other.vpcs().size());
    assertNotEquals(vpc.vpcId(), other.vpcs().get(0).vpcId(), "each account and region has its own");
    DescribeVpcsResponse nonDefault = f.call(DescribeVpcsRequest.builder()
        .filters(Filter.builder().name("is-default").values("false").build()).build());
    assertEquals(List.of(), nonDefault.vpcs());
  }

  @Test
  void defaultSubnetsAreSlash20sInZoneOrderThatMapPublicAddresses() {
    List<Subnet> subnets = defaultSubnets();
    assertEquals(List.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"),
        subnets.stream().map(Subnet::availabilityZone).toList());
    assertEquals(List.of("172.31.0.0/20", "172.31.16.0/20", "172.31.32.0/20", "172.31.48.0/20", "172.31.64.0/20",
        "172.31.80.0/20"), subnets.stream().map(Subnet::cidrBlock).toList());
    for (Subnet s : subnets) {
      assertTrue(s.defaultForAz());
      assertTrue(s.mapPublicIpOnLaunch());
      assertEquals("available", s.stateAsString());
      assertEquals(4091, s.availableIpAddressCount());
    }
    DescribeSubnetsResponse camel = f.call(DescribeSubnetsRequest.builder()
        .filters(Filter.builder().name("defaultForAz").values("true").build(),
            Filter.builder().name("availabilityZone").values("us-east-1c").build()).build());
    assertEquals(List.of("172.31.32.0/20"), camel.subnets().stream().map(Subnet::cidrBlock).toList());
  }

  @Test
  void itHasAnAttachedGatewayARoutedMainTableADefaultGroupAclAndDhcpOptions() {
    Vpc vpc = defaultVpc();
    DescribeInternetGatewaysResponse igws = f.call(DescribeInternetGatewaysRequest.builder()
        .filters(Filter.builder().name("attachment.vpc-id").values(vpc.vpcId()).build()).build());
    assertEquals(1, igws.internetGateways().size());
    String igw = igws.internetGateways().get(0).internetGatewayId();
    DescribeRouteTablesResponse tables = f.call(DescribeRouteTablesRequest.builder()
        .filters(Filter.builder().name("vpc-id").values(vpc.vpcId()).build(),
            Filter.builder().name("association.main").values("true").build()).build());
    var routes = tables.routeTables().get(0).routes();
    assertEquals("local", routes.get(0).gatewayId());
    assertEquals("0.0.0.0/0", routes.get(1).destinationCidrBlock());
    assertEquals(igw, routes.get(1).gatewayId());
    assertEquals("active", routes.get(1).stateAsString());
    DescribeSecurityGroupsResponse groups = f.call(DescribeSecurityGroupsRequest.builder().groupNames("default").build());
    assertEquals(vpc.vpcId(), groups.securityGroups().get(0).vpcId());
    DescribeNetworkAclsResponse acls = f.call(DescribeNetworkAclsRequest.builder()
        .filters(Filter.builder().name("vpc-id").values(vpc.vpcId()).build()).build());
    assertEquals(6, acls.networkAcls().get(0).associations().size());
    DescribeDhcpOptionsResponse dhcp = f.call(DescribeDhcpOptionsRequest.builder().dhcpOptionsIds(vpc.dhcpOptionsId()).build());
    var options = dhcp.dhcpOptions().get(0).dhcpConfigurations();
    assertEquals("domain-name", options.get(0).key());
    assertEquals("ec2.internal", options.get(0).values().get(0).value());
    assertEquals("domain-name-servers", options.get(1).key());
    assertEquals("AmazonProvidedDNS", options.get(1).values().get(0).value());
    DescribeDhcpOptionsResponse elsewhere = f.callIn(Ec2Fixture.ACCOUNT, "eu-west-1", DescribeDhcpOptionsRequest.builder().build());
    assertEquals("eu-west-1.compute.internal",
        elsewhere.dhcpOptions().get(0).dhcpConfigurations().get(0).values().get(0).value());
  }

  @Test
  void runInstancesWithoutASubnetLandsInTheDefaultSubnetOfTheZone() {
    Vpc vpc = defaultVpc();
    RunInstancesResponse first = f.call(RunInstancesRequest.builder().imageId(f.al2023()).minCount(1).maxCount(1).build());
    var instance = first.instances().get(0);
    assertEquals(vpc.vpcId(), instance.vpcId());
    assertEquals("us-east-1a", instance.placement().availabilityZone());
    assertTrue(instance.privateIpAddress().startsWith("172.31."), instance.privateIpAddress());
    assertTrue(instance.publicIpAddress() != null, "default subnets map public addresses");
    RunInstancesResponse inC = f.call(RunInstancesRequest.builder().imageId(f.al2023()).minCount(1).maxCount(1)
        .placement(Placement.builder().availabilityZone("us-east-1c").build()).securityGroups("default").build());
    var c = inC.instances().get(0);
    assertEquals("us-east-1c", c.placement().availabilityZone());
    assertTrue(c.privateIpAddress().startsWith("172.31.3"), c.privateIpAddress());
    assertEquals("default", c.securityGroups().get(0).groupName());
    var base = RunInstancesRequest.builder().imageId(f.al2023()).minCount(1).maxCount(1);
    f.fails("InvalidGroup.NotFound", base.copy().securityGroups("missing").build());
    f.fails("InvalidParameterValue", base.copy().placement(Placement.builder().availabilityZone("us-east-1z").build()).build());
    String subnet = f.subnet(f.vpc("10.0.0.0/16"), "10.0.0.0/24", "us-east-1a");
    f.fails("InvalidParameterCombination", base.copy().subnetId(subnet).securityGroups("default").build());
  }

  @Test
  void createSecurityGroupWithoutAVpcGoesToTheDefaultVpcAndNamesResolveThere() {
    Vpc vpc = defaultVpc();
    CreateSecurityGroupResponse r = f.call(CreateSecurityGroupRequest.builder().groupName("web").description("web").build());
    DescribeSecurityGroupsResponse d = f.call(DescribeSecurityGroupsRequest.builder().groupIds(r.groupId()).build());
    assertEquals(vpc.vpcId(), d.securityGroups().get(0).vpcId());
    f.group(f.vpc("10.0.0.0/16"), "elsewhere");
    f.fails("InvalidGroup.NotFound", DescribeSecurityGroupsRequest.builder().groupNames("elsewhere").build());
    DescribeSecurityGroupsResponse byName = f.call(DescribeSecurityGroupsRequest.builder().groupNames("web").build());
    assertEquals(r.groupId(), byName.securityGroups().get(0).groupId());
  }

  @Test
  void theDefaultVpcCanBeDeletedAfterItsDependenciesAndComesBack() {
    Vpc vpc = defaultVpc();
    f.fails("DependencyViolation", DeleteVpcRequest.builder().vpcId(vpc.vpcId()).build());
    deleteDefaultVpc(vpc);
    DescribeVpcsResponse none = f.call(DescribeVpcsRequest.builder().build());
    assertEquals(List.of(), none.vpcs());
    assertEquals("none", defaultVpcAttribute());
    var run = RunInstancesRequest.builder().imageId(f.al2023()).minCount(1).maxCount(1).build();
    assertEquals("No default VPC for this user", f.fails("VPCIdNotSpecified", run).getMessage());
    f.fails("VPCIdNotSpecified", CreateSecurityGroupRequest.builder().groupName("web").description("web").build());
    f.fails("DefaultVpcDoesNotExist", CreateDefaultSubnetRequest.builder().availabilityZone("us-east-1a").build());

    CreateDefaultVpcResponse back = f.call(CreateDefaultVpcRequest.builder().build());
    assertTrue(back.vpc().isDefault());
    assertEquals("172.31.0.0/16", back.vpc().cidrBlock());
    assertNotEquals(vpc.vpcId(), back.vpc().vpcId());
    assertEquals(6, defaultSubnets().size());
    f.fails("DefaultVpcAlreadyExists", CreateDefaultVpcRequest.builder().build());
    assertEquals(back.vpc().vpcId(), defaultVpcAttribute());
  }

  private String defaultVpcAttribute() {
    DescribeAccountAttributesResponse r = f.call(DescribeAccountAttributesRequest.builder()
        .attributeNames(AccountAttributeName.DEFAULT_VPC).build());
    assertEquals(1, r.accountAttributes().size());
    return r.accountAttributes().getFirst().attributeValues().getFirst().attributeValue();
  }

  @Test
  void describeAccountAttributesNamesTheDefaultVpc() {
    DescribeAccountAttributesResponse all = f.call(DescribeAccountAttributesRequest.builder().build());
    assertEquals(List.of("vpc-max-security-groups-per-interface", "max-instances", "supported-platforms", "default-vpc",
        "max-elastic-ips", "vpc-max-elastic-ips"), all.accountAttributes().stream().map(a -> a.attributeName()).toList());
    assertEquals(defaultVpc().vpcId(), defaultVpcAttribute());
    f.fails("InvalidParameterValue", DescribeAccountAttributesRequest.builder().attributeNamesWithStrings("colour").build());
  }

  @Test
  void createDefaultSubnetBringsBackTheZonesSubnet() {
    Subnet b = defaultSubnets().get(1);
    f.fails("DefaultSubnetAlreadyExistsInAvailabilityZone",
        CreateDefaultSubnetRequest.builder().availabilityZone("us-east-1b").build());
    f.fails("InvalidParameterValue", CreateDefaultSubnetRequest.builder().availabilityZone("us-east-1z").build());
    f.fails("MissingParameter", CreateDefaultSubnetRequest.builder().build());
    f.call(DeleteSubnetRequest.builder().subnetId(b.subnetId()).build());
    assertEquals(5, defaultSubnets().size());
    RunInstancesRequest inB = RunInstancesRequest.builder().imageId(f.al2023()).minCount(1).maxCount(1)
        .placement(Placement.builder().availabilityZone("us-east-1b").build()).build();
    assertEquals("No default subnet for availability zone: 'us-east-1b'.", f.fails("MissingInput", inB).getMessage());
    CreateDefaultSubnetResponse r = f.call(CreateDefaultSubnetRequest.builder().availabilityZoneId("use1-az2").build());
    assertEquals("us-east-1b", r.subnet().availabilityZone());
    assertEquals("172.31.16.0/20", r.subnet().cidrBlock());
    assertTrue(r.subnet().defaultForAz());
    assertTrue(r.subnet().mapPublicIpOnLaunch());
    assertFalse(r.subnet().subnetId().equals(b.subnetId()));
  }

  @Test
  void aDefaultVpcWithoutDefaultSubnetsAsksForASubnet() {
    Vpc vpc = defaultVpc();
    defaultSubnets().forEach(s -> f.call(DeleteSubnetRequest.builder().subnetId(s.subnetId()).build()));
    var run = RunInstancesRequest.builder().imageId(f.al2023()).minCount(1).maxCount(1).build();
    assertEquals("No subnets found for the default VPC '" + vpc.vpcId() + "'. Please specify a subnet.",
        f.fails("MissingInput", run).getMessage());
  }

  @Test
  void defaultsAreTheSameWhetherMadeByAReadOrReplayedFromTheJournal() {
    var log = new dev.privatelink.control.MemoryLog();
    var live = new Ec2Fixture(new Cloud(log, Clock.systemUTC()));
    Vpc before = live.<DescribeVpcsResponse>call(DescribeVpcsRequest.builder().build()).vpcs().get(0);
    live.call(CreateSecurityGroupRequest.builder().groupName("web").description("web").build());
    live.vpc("10.0.0.0/16");
    var again = new Ec2Fixture(log.replayed());
    assertEquals(live.<DescribeVpcsResponse>call(DescribeVpcsRequest.builder().build()).vpcs(),
        again.<DescribeVpcsResponse>call(DescribeVpcsRequest.builder().build()).vpcs());
    assertEquals(live.<DescribeSubnetsResponse>call(DescribeSubnetsRequest.builder().build()).subnets(),
        again.<DescribeSubnetsResponse>call(DescribeSubnetsRequest.builder().build()).subnets());
    assertEquals(live.<DescribeSecurityGroupsResponse>call(DescribeSecurityGroupsRequest.builder().build()).securityGroups(),
        again.<DescribeSecurityGroupsResponse>call(DescribeSecurityGroupsRequest.builder().build()).securityGroups());
    assertEquals(before.vpcId(), new Ec2Fixture().<DescribeVpcsResponse>call(DescribeVpcsRequest.builder().build())
        .vpcs().get(0).vpcId(), "a fresh cloud makes the same default VPC for the same account and region");
  }

  @Test
  void aResetBringsTheDefaultVpcBack() {
    Vpc vpc = defaultVpc();
    deleteDefaultVpc(vpc);
    f.cloud.reset();
    assertEquals(vpc.vpcId(), defaultVpc().vpcId());
  }

  private void deleteDefaultVpc(Vpc vpc) {
    DescribeInternetGatewaysResponse igws = f.call(DescribeInternetGatewaysRequest.builder().build());
    String igw = igws.internetGateways().get(0).internetGatewayId();
    f.call(DetachInternetGatewayRequest.builder().internetGatewayId(igw).vpcId(vpc.vpcId()).build());
    for (Subnet s : defaultSubnets()) {
      f.call(DeleteSubnetRequest.builder().subnetId(s.subnetId()).build());
    }
    f.call(DeleteVpcRequest.builder().vpcId(vpc.vpcId()).build());
  }
}
