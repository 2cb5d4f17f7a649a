package dev.privatelink.control.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ModifySecurityGroupRulesRequest;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleRequest;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleUpdate;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

class SecurityGroupTest {
  private final Ec2Fixture f = new Ec2Fixture();

  private static IpPermission tcp(int port, String cidr, String description) {
    return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
        .ipRanges(IpRange.builder().cidrIp(cidr).description(description).build()).build();
  }

  @Test
  void newGroupAllowsAllEgressAndNamesAreUniquePerVpc() {
    String vpcId = f.vpc("10.0.0.0/16");
    String groupId = f.group(vpcId, "service");
    assertTrue(groupId.matches("sg-" + Ec2Fixture.ID17));
    DescribeSecurityGroupsResponse d = f.call(DescribeSecurityGroupsRequest.builder().groupIds(groupId).build());
    var g = d.securityGroups().get(0);
    assertEquals("service", g.groupName());
    assertEquals(List.of(), g.ipPermissions());
    assertEquals("-1", g.ipPermissionsEgress().get(0).ipProtocol());
    assertNull(g.ipPermissionsEgress().get(0).fromPort());
    f.fails("InvalidGroup.Duplicate", CreateSecurityGroupRequest.builder().vpcId(vpcId).groupName("service").description("x").build());
    f.fails("InvalidGroup.Reserved", CreateSecurityGroupRequest.builder().vpcId(vpcId).groupName("default").description("x").build());
    f.fails("MissingParameter", CreateSecurityGroupRequest.builder().vpcId(vpcId).groupName("other").build());
    // Without VpcId the group goes to the default VPC: DefaultVpcTest.
    String otherVpc = f.vpc("10.1.0.0/16");
    f.group(otherVpc, "service");
    CreateSecurityGroupResponse created = f.call(CreateSecurityGroupRequest.builder().vpcId(vpcId).groupName("untagged").description("x").build());
    assertFalse(created.hasTags(), "AWS leaves tagSet out when the request tagged nothing");
  }

  @Test
  void authorizeReturnsRulesWithIdsAndRejectsDuplicates() {
    String vpcId = f.vpc("10.0.0.0/16");
    String groupId = f.group(vpcId, "service");
    AuthorizeSecurityGroupIngressResponse r = f.call(AuthorizeSecurityGroupIngressRequest.builder().groupId(groupId)
        .ipPermissions(tcp(443, "10.0.0.0/16", "HTTPS from Service VPC"))
        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SECURITY_GROUP_RULE)
            .tags(Tag.builder().key("Name").value("https").build()).build()).build());
    var rule = r.securityGroupRules().get(0);
    assertTrue(rule.securityGroupRuleId().matches("sgr-" + Ec2Fixture.ID17));
    assertEquals("tcp", rule.ipProtocol());
    assertEquals(443, rule.fromPort());
    assertEquals("10.0.0.0/16", rule.cidrIpv4());
    assertEquals("HTTPS from Service VPC", rule.description());
    assertEquals("https", rule.tags().get(0).value());
    var e = f.fails("InvalidPermission.Duplicate", AuthorizeSecurityGroupIngressRequest.builder().groupId(groupId)
        .ipPermissions(tcp(443, "10.0.0.0/16", "again")).build());
    assertEquals("the specified rule \"peer: 10.0.0.0/16, TCP, from port: 443, to port: 443, ALLOW\" already exists", e.getMessage());
    f.fails("InvalidParameterValue", AuthorizeSecurityGroupIngressRequest.builder().groupId(groupId)
        .ipPermissions(IpPermission.builder().ipProtocol("tcp").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()).build());
    f.fails("InvalidParameterValue", AuthorizeSecurityGroupIngressRequest.builder().groupId(groupId)
        .ipPermissions(IpPermission.builder().ipProtocol("bogus").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()).build());

    DescribeSecurityGroupRulesResponse rules = f.call(DescribeSecurityGroupRulesRequest.builder()
        .securityGroupRuleIds(rule.securityGroupRuleId()).build());
    assertEquals(rule, rules.securityGroupRules().get(0));
    DescribeSecurityGroupRulesResponse all = f.call(DescribeSecurityGroupRulesRequest.builder()
        .filters(Filter.builder().name("group-id").values(groupId).build()).build());
    assertEquals(2, all.securityGroupRules().size());
  }

  @Test
  void revokeByPermissionOrRuleId() {
    String vpcId = f.vpc("10.0.0.0/16");
    String groupId = f.group(vpcId, "service");
    AuthorizeSecurityGroupIngressResponse r = f.call(AuthorizeSecurityGroupIngressRequest.builder().groupId(groupId)
        .ipPermissions(tcp(80, "10.0.0.0/16", null), tcp(443, "10.0.0.0/16", null)).build());
    f.call(RevokeSecurityGroupIngressRequest.builder().groupId(groupId).ipPermissions(tcp(80, "10.0.0.0/16", null)).build());
    f.fails("InvalidPermission.NotFound", RevokeSecurityGroupIngressRequest.builder().groupId(groupId)
        .ipPermissions(tcp(80, "10.0.0.0/16", null)).build());
    String httpsRule = r.securityGroupRules().get(1).securityGroupRuleId();
    f.call(RevokeSecurityGroupIngressRequest.builder().groupId(groupId).securityGroupRuleIds(httpsRule).build());
    f.fails("InvalidSecurityGroupRuleId.NotFound", RevokeSecurityGroupIngressRequest.builder().groupId(groupId)
        .securityGroupRuleIds(httpsRule).build());
    // Terraform replaces the default egress rule with its own.
    f.call(RevokeSecurityGroupEgressRequest.builder().groupId(groupId).ipPermissions(IpPermission.builder().ipProtocol("-1")
        .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()).build());
    DescribeSecurityGroupsResponse d = f.call(DescribeSecurityGroupsRequest.builder().groupIds(groupId).build());
    assertEquals(List.of(), d.securityGroups().get(0).ipPermissions());
    assertEquals(List.of(), d.securityGroups().get(0).ipPermissionsEgress());
  }

  @Test
  void modifyRuleKeepsItsId() {
    String vpcId = f.vpc("10.0.0.0/16");
    String groupId = f.group(vpcId, "service");
    AuthorizeSecurityGroupIngressResponse r = f.call(AuthorizeSecurityGroupIngressRequest.builder().groupId(groupId)
        .ipPermissions(tcp(22, "0.0.0.0/0", "ssh")).build());
    String id = r.securityGroupRules().get(0).securityGroupRuleId();
    f.call(ModifySecurityGroupRulesRequest.builder().groupId(groupId).securityGroupRules(SecurityGroupRuleUpdate.builder()
        .securityGroupRuleId(id).securityGroupRule(SecurityGroupRuleRequest.builder().ipProtocol("tcp").fromPort(2222)
            .toPort(2222).cidrIpv4("10.0.0.0/8").description("ssh alt").build()).build()).build());
    DescribeSecurityGroupRulesResponse d = f.call(DescribeSecurityGroupRulesRequest.builder().securityGroupRuleIds(id).build());
    assertEquals(2222, d.securityGroupRules().get(0).fromPort());
    assertEquals("10.0.0.0/8", d.securityGroupRules().get(0).cidrIpv4());
  }

  @Test
  void groupReferencesBlockDeletionAndDefaultCannotBeDeleted() {
    String vpcId = f.vpc("10.0.0.0/16");
    String web = f.group(vpcId, "web");
    String db = f.group(vpcId, "db");
    f.call(AuthorizeSecurityGroupIngressRequest.builder().groupId(db).ipPermissions(IpPermission.builder().ipProtocol("tcp")
        .fromPort(5432).toPort(5432).userIdGroupPairs(UserIdGroupPair.builder().groupId(web).build()).build()).build());
    DescribeSecurityGroupsResponse byRef = f.call(DescribeSecurityGroupsRequest.builder()
        .filters(Filter.builder().name("ip-permission.group-id").values(web).build()).build());
    assertEquals(db, byRef.securityGroups().get(0).groupId());
    f.fails("DependencyViolation", DeleteSecurityGroupRequest.builder().groupId(web).build());
    f.call(DeleteSecurityGroupRequest.builder().groupId(db).build());
    f.call(DeleteSecurityGroupRequest.builder().groupId(web).build());
    DescribeSecurityGroupsResponse def = f.call(DescribeSecurityGroupsRequest.builder()
        .filters(Filter.builder().name("group-name").values("default").build()).build());
    f.fails("CannotDelete", DeleteSecurityGroupRequest.builder().groupId(def.securityGroups().get(0).groupId()).build());
    f.fails("InvalidGroup.NotFound", AuthorizeSecurityGroupEgressRequest.builder().groupId("sg-00000000000000000")
        .ipPermissions(tcp(1, "0.0.0.0/0", null)).build());
  }
}
