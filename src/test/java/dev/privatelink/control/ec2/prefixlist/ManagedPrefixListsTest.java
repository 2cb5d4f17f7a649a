package dev.privatelink.control.ec2.prefixlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import dev.privatelink.testing.CloudCalls;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.ec2.model.*;

class ManagedPrefixListsTest {
  private static final String ACCOUNT = "111111111111";
  private final Cloud cloud = new Cloud();

  private final CloudCalls calls = new CloudCalls(cloud, ACCOUNT);

  private <T extends SdkResponse> T call(SdkRequest request) {
    return calls.call(request);
  }

  private AwsException fails(String code, SdkRequest request) {
    return calls.fails(code, request);
  }

  private static AddPrefixListEntry entry(String cidr, String description) {
    return AddPrefixListEntry.builder().cidr(cidr).description(description).build();
  }

  private ManagedPrefixList create(String name, int max, AddPrefixListEntry... entries) {
    return this.<CreateManagedPrefixListResponse>call(CreateManagedPrefixListRequest.builder().prefixListName(name)
        .maxEntries(max).addressFamily("IPv4").entries(entries).tagSpecifications(TagSpecification.builder()
            .resourceType(ResourceType.PREFIX_LIST).tags(Tag.builder().key("team").value("net").build()).build()).build())
        .prefixList();
  }

  private ManagedPrefixList describe(String id) {
    return this.<DescribeManagedPrefixListsResponse>call(DescribeManagedPrefixListsRequest.builder().prefixListIds(id).build())
        .prefixLists().getFirst();
  }

  private List<PrefixListEntry> entries(String id, Long version) {
    return this.<GetManagedPrefixListEntriesResponse>call(GetManagedPrefixListEntriesRequest.builder().prefixListId(id)
        .targetVersion(version).build()).entries();
  }

  @Test
  void createsAListThatSettlesAtOnce() {
    ManagedPrefixList p = create("office", 5, entry("192.0.2.0/24", "hq"), entry("198.51.100.0/24", null));
    assertTrue(p.prefixListId().matches("pl-[0-9a-f]{17}"), p.prefixListId());
    assertEquals(PrefixListState.CREATE_IN_PROGRESS, p.state());
    assertEquals(1L, p.version());
    assertEquals("arn:aws:ec2:us-east-1:111111111111:prefix-list/" + p.prefixListId(), p.prefixListArn());
    ManagedPrefixList d = describe(p.prefixListId());
    assertEquals(PrefixListState.CREATE_COMPLETE, d.state());
    assertEquals(ACCOUNT, d.ownerId());
    assertEquals(5, d.maxEntries());
    assertEquals("net", d.tags().getFirst().value());
    assertEquals(List.of("192.0.2.0/24", "198.51.100.0/24"), entries(p.prefixListId(), null).stream().map(PrefixListEntry::cidr).toList());
    assertEquals("hq", entries(p.prefixListId(), null).getFirst().description());
  }

  @Test
  void describeIncludesAwsManagedListsOwnedByAws() {
    create("mine", 1);
    var all = this.<DescribeManagedPrefixListsResponse>call(DescribeManagedPrefixListsRequest.builder().build()).prefixLists();
    assertEquals(List.of("AWS", "AWS", ACCOUNT), all.stream().map(ManagedPrefixList::ownerId).toList());
    var aws = this.<DescribeManagedPrefixListsResponse>call(DescribeManagedPrefixListsRequest.builder().filters(Filter.builder()
        .name("owner-id").values("AWS").build()).build()).prefixLists();
    assertEquals(List.of("pl-63a5400a", "pl-02cd2c6b"), aws.stream().map(ManagedPrefixList::prefixListId).toList());
    assertEquals("arn:aws:ec2:us-east-1:aws:prefix-list/pl-63a5400a", aws.getFirst().prefixListArn());
    assertTrue(entries("pl-63a5400a", null).size() > 1);
    fails("InvalidPrefixListID.NotFound", DescribeManagedPrefixListsRequest.builder().prefixListIds("pl-0123456789abcdef0").build());
    fails("InvalidParameterValue", DescribeManagedPrefixListsRequest.builder().maxResults(101).build());
  }

  @Test
  void modifyMakesVersionsAndChecksTheCurrentOne() {
    String id = create("office", 3, entry("192.0.2.0/24", "hq")).prefixListId();
    var m = this.<ModifyManagedPrefixListResponse>call(ModifyManagedPrefixListRequest.builder().prefixListId(id).currentVersion(1L)
        .addEntries(entry("203.0.113.0/24", "lab"), entry("192.0.2.0/24", "head office")).build()).prefixList();
    assertEquals(PrefixListState.MODIFY_IN_PROGRESS, m.state());
    assertEquals(2L, m.version());
    assertEquals(PrefixListState.MODIFY_COMPLETE, describe(id).state(), "what Terraform waits for after a change");
    assertEquals("head office", entries(id, null).getFirst().description());
    assertEquals("hq", entries(id, 1L).getFirst().description(), "earlier versions stay readable");
    fails("PrefixListVersionMismatch", ModifyManagedPrefixListRequest.builder().prefixListId(id).currentVersion(1L)
        .removeEntries(RemovePrefixListEntry.builder().cidr("203.0.113.0/24").build()).build());
    call(ModifyManagedPrefixListRequest.builder().prefixListId(id).prefixListName("renamed").build());
    assertEquals(2L, describe(id).version(), "renaming makes no version");
    call(ModifyManagedPrefixListRequest.builder().prefixListId(id).currentVersion(2L)
        .removeEntries(RemovePrefixListEntry.builder().cidr("203.0.113.0/24").build()).build());
    assertEquals(List.of("192.0.2.0/24"), entries(id, 3L).stream().map(PrefixListEntry::cidr).toList());
    fails("InvalidParameterValue", GetManagedPrefixListEntriesRequest.builder().prefixListId(id).targetVersion(4L).build());
  }

  @Test
  void modifyErrorsChangeNothing() {
    String id = create("office", 2, entry("192.0.2.0/24", null)).prefixListId();
    fails("InvalidParameterValue", ModifyManagedPrefixListRequest.builder().prefixListId(id)
        .addEntries(entry("10.0.0.0/8", null), entry("10.1.0.0/16", null)).build());
    fails("InvalidParameterValue", ModifyManagedPrefixListRequest.builder().prefixListId(id)
        .addEntries(entry("2001:db8::/32", null)).build());
    fails("InvalidParameterValue", ModifyManagedPrefixListRequest.builder().prefixListId(id)
        .removeEntries(RemovePrefixListEntry.builder().cidr("10.9.0.0/16").build()).build());
    fails("InvalidParameterCombination", ModifyManagedPrefixListRequest.builder().prefixListId(id).maxEntries(5)
        .addEntries(entry("10.0.0.0/8", null)).build());
    fails("InvalidParameterValue", ModifyManagedPrefixListRequest.builder().prefixListId(id).maxEntries(0).build());
    fails("UnauthorizedOperation", ModifyManagedPrefixListRequest.builder().prefixListId("pl-63a5400a").maxEntries(50).build());
    fails("InvalidPrefixListID.NotFound", ModifyManagedPrefixListRequest.builder().prefixListId("pl-0123456789abcdef0").build());
    call(ModifyManagedPrefixListRequest.builder().prefixListId(id).maxEntries(10).build());
    assertEquals(10, describe(id).maxEntries());
  }

  @Test
  void createErrorsChangeNothing() {
    fails("MissingParameter", CreateManagedPrefixListRequest.builder().maxEntries(1).addressFamily("IPv4").build());
    fails("MissingParameter", CreateManagedPrefixListRequest.builder().prefixListName("x").addressFamily("IPv4").build());
    fails("InvalidParameterValue", CreateManagedPrefixListRequest.builder().prefixListName("x").maxEntries(1)
        .addressFamily("IPv5").build());
    fails("InvalidParameterValue", CreateManagedPrefixListRequest.builder().prefixListName("com.amazonaws.mine").maxEntries(1)
        .addressFamily("IPv4").build());
    fails("InvalidParameterValue", CreateManagedPrefixListRequest.builder().prefixListName("x").maxEntries(1)
        .addressFamily("IPv4").entries(entry("10.0.0.0/33", null)).build());
  }

  @Test
  void aSecurityGroupRuleReferencesAListWhichThenCannotBeDeleted() {
    String id = create("office", 2, entry("192.0.2.0/24", null)).prefixListId();
    String vpc = this.<CreateVpcResponse>call(CreateVpcRequest.builder().cidrBlock("10.0.0.0/16").build()).vpc().vpcId();
    String group = this.<CreateSecurityGroupResponse>call(CreateSecurityGroupRequest.builder().vpcId(vpc).groupName("web")
        .description("web").build()).groupId();
    call(AuthorizeSecurityGroupIngressRequest.builder().groupId(group).ipPermissions(IpPermission.builder().ipProtocol("tcp")
        .fromPort(443).toPort(443).prefixListIds(PrefixListId.builder().prefixListId(id).description("office").build(),
            PrefixListId.builder().prefixListId("pl-63a5400a").build()).build()).build());
    SecurityGroup g = this.<DescribeSecurityGroupsResponse>call(DescribeSecurityGroupsRequest.builder().groupIds(group).build())
        .securityGroups().getFirst();
    List<PrefixListId> shown = g.ipPermissions().getFirst().prefixListIds();
    assertEquals(List.of(id, "pl-63a5400a"), shown.stream().map(PrefixListId::prefixListId).toList());
    assertEquals("office", shown.getFirst().description());
    var associations = this.<GetManagedPrefixListAssociationsResponse>call(GetManagedPrefixListAssociationsRequest.builder()
        .prefixListId(id).build()).prefixListAssociations();
    assertEquals(List.of(group), associations.stream().map(PrefixListAssociation::resourceId).toList());
    fails("DependencyViolation", DeleteManagedPrefixListRequest.builder().prefixListId(id).build());
    assertThrows(AwsException.class, () -> call(AuthorizeSecurityGroupIngressRequest.builder().groupId(group)
        .ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22).prefixListIds(PrefixListId.builder()
            .prefixListId("pl-0123456789abcdef0").build()).build()).build()));

    call(RevokeSecurityGroupIngressRequest.builder().groupId(group).ipPermissions(IpPermission.builder().ipProtocol("tcp")
        .fromPort(443).toPort(443).prefixListIds(PrefixListId.builder().prefixListId(id).build()).build()).build());
    var deleted = this.<DeleteManagedPrefixListResponse>call(DeleteManagedPrefixListRequest.builder().prefixListId(id).build());
    assertEquals(PrefixListState.DELETE_IN_PROGRESS, deleted.prefixList().state());
    fails("InvalidPrefixListID.NotFound", DescribeManagedPrefixListsRequest.builder().prefixListIds(id).build());
  }
}
