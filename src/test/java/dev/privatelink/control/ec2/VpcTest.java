package dev.privatelink.control.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

class VpcTest {
  private final Ec2Fixture f = new Ec2Fixture();

  @Test
  void createVpcIsPendingUntilTheHostIsReady() {
    CreateVpcResponse r = f.call(CreateVpcRequest.builder().cidrBlock("10.0.0.0/16").tagSpecifications(TagSpecification
        .builder().resourceType(ResourceType.VPC).tags(Tag.builder().key("Name").value("service").build()).build()).build());
    var vpc = r.vpc();
    assertTrue(vpc.vpcId().matches("vpc-" + Ec2Fixture.ID17));
    assertEquals("pending", vpc.stateAsString());
    assertEquals("10.0.0.0/16", vpc.cidrBlock());
    assertEquals(Ec2Fixture.ACCOUNT, vpc.ownerId());
    assertFalse(vpc.isDefault());
    assertEquals("associated", vpc.cidrBlockAssociationSet().get(0).cidrBlockState().stateAsString());
    assertEquals(List.of(Tag.builder().key("Name").value("service").build()), vpc.tags());
    assertTrue(vpc.hasIpv6CidrBlockAssociationSet(), "CreateVpc sends an empty IPv6 association set, as AWS does");
    assertEquals(List.of(), vpc.ipv6CidrBlockAssociationSet());
    f.ready(vpc.vpcId());
    DescribeVpcsResponse d = f.call(DescribeVpcsRequest.builder().vpcIds(vpc.vpcId()).build());
    assertEquals("available", d.vpcs().get(0).stateAsString());
    assertFalse(d.vpcs().get(0).hasIpv6CidrBlockAssociationSet(), "DescribeVpcs leaves an empty set out");
  }

  @Test
  void cidrOutsideSixteenToTwentyEightIsInvalidRange() {
    f.fails("InvalidVpc.Range", CreateVpcRequest.builder().cidrBlock("10.0.0.0/8").build());
    f.fails("InvalidVpc.Range", CreateVpcRequest.builder().cidrBlock("10.0.0.0/29").build());
    f.fails("InvalidParameterValue", CreateVpcRequest.builder().cidrBlock("10.0.0.1/16").build());
    f.fails("MissingParameter", CreateVpcRequest.builder().build());
  }

  @Test
  void createVpcMakesDefaultGroupMainRouteTableAndDefaultAcl() {
    String vpcId = f.vpc("10.1.0.0/16");
    DescribeSecurityGroupsResponse groups = f.call(DescribeSecurityGroupsRequest.builder()
        .filters(Filter.builder().name("vpc-id").values(vpcId).build()).build());
    SecurityGroup def = groups.securityGroups().get(0);
    assertEquals("default", def.groupName());
    assertEquals("default VPC security group", def.description());
    assertEquals(def.groupId(), def.ipPermissions().get(0).userIdGroupPairs().get(0).groupId());
    assertEquals("-1", def.ipPermissions().get(0).ipProtocol());
    assertEquals("0.0.0.0/0", def.ipPermissionsEgress().get(0).ipRanges().get(0).cidrIp());

    DescribeRouteTablesResponse tables = f.call(DescribeRouteTablesRequest.builder().filters(
        Filter.builder().name("vpc-id").values(vpcId).build(),
        Filter.builder().name("association.main").values("true").build()).build());
    assertEquals(1, tables.routeTables().size());
    var local = tables.routeTables().get(0).routes().get(0);
    assertEquals("local", local.gatewayId());
    assertEquals("10.1.0.0/16", local.destinationCidrBlock());

    DescribeNetworkAclsResponse acls = f.call(DescribeNetworkAclsRequest.builder()
        .filters(Filter.builder().name("default").values("true").build(), Filter.builder().name("vpc-id").values(vpcId).build())
        .build());
    assertEquals(1, acls.networkAcls().size());
    assertEquals(4, acls.networkAcls().get(0).entries().size());
  }

  @Test
  void dnsAttributesDefaultAndModify() {
    String vpcId = f.vpc("10.0.0.0/16");
    DescribeVpcAttributeResponse support = f.call(DescribeVpcAttributeRequest.builder().vpcId(vpcId)
        .attribute(VpcAttributeName.ENABLE_DNS_SUPPORT).build());
    assertTrue(support.enableDnsSupport().value());
    DescribeVpcAttributeResponse hostnames = f.call(DescribeVpcAttributeRequest.builder().vpcId(vpcId)
        .attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES).build());
    assertFalse(hostnames.enableDnsHostnames().value());
    f.call(ModifyVpcAttributeRequest.builder().vpcId(vpcId).enableDnsHostnames(AttributeBooleanValue.builder().value(true).build()).build());
    hostnames = f.call(DescribeVpcAttributeRequest.builder().vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES).build());
    assertTrue(hostnames.enableDnsHostnames().value());
    f.fails("InvalidParameterCombination", ModifyVpcAttributeRequest.builder().vpcId(vpcId)
        .enableDnsHostnames(AttributeBooleanValue.builder().value(true).build())
        .enableDnsSupport(AttributeBooleanValue.builder().value(true).build()).build());
  }

  @Test
  void describeFiltersAndUnknownIds() {
    String a = f.vpc("10.0.0.0/16");
    f.vpc("10.2.0.0/16");
    DescribeVpcsResponse byCidr = f.call(DescribeVpcsRequest.builder()
        .filters(Filter.builder().name("cidr-block-association.cidr-block").values("10.0.*").build()).build());
    assertEquals(List.of(a), byCidr.vpcs().stream().map(v -> v.vpcId()).toList());
    DescribeVpcsResponse nonDefault = f.call(DescribeVpcsRequest.builder()
        .filters(Filter.builder().name("is-default").values("false").build()).maxResults(1).build());
    assertEquals(1, nonDefault.vpcs().size());
    assertTrue(nonDefault.nextToken() != null);
    f.fails("InvalidVpcID.NotFound", DescribeVpcsRequest.builder().vpcIds("vpc-00000000000000000").build());
    f.fails("InvalidParameterValue", DescribeVpcsRequest.builder()
        .filters(Filter.builder().name("no-such-filter").values("x").build()).build());
  }

  @Test
  void deleteVpcWaitsForItsDependents() {
    String vpcId = f.vpc("10.0.0.0/16");
    String subnetId = f.subnet(vpcId, "10.0.1.0/24", "us-east-1a");
    String groupId = f.group(vpcId, "web");
    f.fails("DependencyViolation", DeleteVpcRequest.builder().vpcId(vpcId).build());
    f.call(DeleteSubnetRequest.builder().subnetId(subnetId).build());
    f.fails("DependencyViolation", DeleteVpcRequest.builder().vpcId(vpcId).build());
    f.call(DeleteSecurityGroupRequest.builder().groupId(groupId).build());
    f.call(DeleteVpcRequest.builder().vpcId(vpcId).build());
    f.fails("InvalidVpcID.NotFound", DescribeVpcsRequest.builder().vpcIds(vpcId).build());
    DescribeSecurityGroupsResponse groups = f.call(DescribeSecurityGroupsRequest.builder()
        .filters(Filter.builder().name("vpc-id").values(vpcId).build()).build());
    assertTrue(groups.securityGroups().isEmpty(), "the default group goes with the VPC");
  }

  @Test
  void vpcsAreSeparatePerAccountAndRegion() {
    String vpcId = f.vpc("10.0.0.0/16");
    // Each account and region sees only its own default VPC.
    DescribeVpcsResponse other = f.callIn("222222222222", "us-east-1", DescribeVpcsRequest.builder().build());
    assertTrue(other.vpcs().stream().allMatch(v -> v.isDefault() && !v.vpcId().equals(vpcId)));
    DescribeVpcsResponse west = f.callIn(Ec2Fixture.ACCOUNT, "us-west-2", DescribeVpcsRequest.builder().build());
    assertTrue(west.vpcs().stream().allMatch(v -> v.isDefault() && !v.vpcId().equals(vpcId)));
    assertEquals(1, ((DescribeVpcsResponse) f.call(DescribeVpcsRequest.builder().vpcIds(vpcId).build())).vpcs().size());
  }
}
