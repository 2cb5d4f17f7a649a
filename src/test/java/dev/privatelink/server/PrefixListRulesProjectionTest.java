package dev.privatelink.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.privatelink.control.Cloud;
import dev.privatelink.dataplane.spec.SecurityGroupSpec;
import dev.privatelink.dataplane.spec.SgRule;
import dev.privatelink.testing.CloudCalls;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.*;

/** Security group rules that reference a prefix list reach the host as one rule per CIDR the list holds now. */
class PrefixListRulesProjectionTest {
  private final Cloud cloud = new Cloud();
  private final CloudCalls calls = new CloudCalls(cloud, "111111111111");

  private List<SgRule> ingressOf(String groupId) {
    return AppliedProjection.read(cloud).state().vpcs().stream().flatMap(v -> v.securityGroups().stream())
        .filter(g -> g.groupId().equals(groupId)).map(SecurityGroupSpec::ingress).findFirst().orElseThrow();
  }

  @Test
  void aPrefixListRuleIsEnforcedByTheListsCidrs() {
    String vpc = calls.<CreateVpcResponse>call(CreateVpcRequest.builder().cidrBlock("10.0.0.0/16").build()).vpc().vpcId();
    String group = calls.<CreateSecurityGroupResponse>call(CreateSecurityGroupRequest.builder().vpcId(vpc).groupName("web")
        .description("web").build()).groupId();
    String list = calls.<CreateManagedPrefixListResponse>call(CreateManagedPrefixListRequest.builder().prefixListName("peers")
        .maxEntries(3).addressFamily("IPv4").entries(AddPrefixListEntry.builder().cidr("10.0.1.0/24").build()).build())
        .prefixList().prefixListId();
    calls.call(AuthorizeSecurityGroupIngressRequest.builder().groupId(group).ipPermissions(IpPermission.builder()
        .ipProtocol("tcp").fromPort(443).toPort(443).prefixListIds(PrefixListId.builder().prefixListId(list).build()).build())
        .build());
    assertEquals(List.of(new SgRule("tcp", 443, 443, "10.0.1.0/24", null)), ingressOf(group));
    calls.call(ModifyManagedPrefixListRequest.builder().prefixListId(list).currentVersion(1L)
        .addEntries(AddPrefixListEntry.builder().cidr("10.0.2.0/24").build()).build());
    assertEquals(List.of(new SgRule("tcp", 443, 443, "10.0.1.0/24", null), new SgRule("tcp", 443, 443, "10.0.2.0/24", null)),
        ingressOf(group), "changing the list changes what the rule lets through");
  }
}
