package dev.privatelink.control.ec2.prefixlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribePrefixListsRequest;
import software.amazon.awssdk.services.ec2.model.DescribePrefixListsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.PrefixList;

class PrefixListsTest {
  private final Cloud cloud = new Cloud();

  private DescribePrefixListsResponse describe(String region, DescribePrefixListsRequest request) {
    return (DescribePrefixListsResponse) cloud.call("111111111111", region, "arn:aws:iam::111111111111:root", request);
  }

  private DescribePrefixListsResponse describe(DescribePrefixListsRequest request) {
    return describe("us-east-1", request);
  }

  @Test
  void listsTheRegionsS3AndDynamoDbWithAwsIds() {
    List<PrefixList> lists = describe(DescribePrefixListsRequest.builder().build()).prefixLists();
    assertEquals(List.of("com.amazonaws.us-east-1.s3", "com.amazonaws.us-east-1.dynamodb"),
        lists.stream().map(PrefixList::prefixListName).toList());
    assertEquals(List.of("pl-63a5400a", "pl-02cd2c6b"), lists.stream().map(PrefixList::prefixListId).toList());
    assertTrue(lists.getFirst().cidrs().contains("52.216.0.0/15"));
  }

  @Test
  void otherRegionsHaveTheirOwnStableIds() {
    List<PrefixList> west = describe("eu-west-1", DescribePrefixListsRequest.builder().build()).prefixLists();
    assertEquals("com.amazonaws.eu-west-1.s3", west.getFirst().prefixListName());
    assertTrue(west.getFirst().prefixListId().matches("pl-[0-9a-f]{8}"), west.getFirst().prefixListId());
    assertNotEquals(west.getFirst().prefixListId(), west.get(1).prefixListId());
    assertEquals(west, describe("eu-west-1", DescribePrefixListsRequest.builder().build()).prefixLists());
    var elsewhere = (DescribePrefixListsResponse) new Cloud().call("222222222222", "eu-west-1",
        "arn:aws:iam::222222222222:root", DescribePrefixListsRequest.builder().build());
    assertEquals(west, elsewhere.prefixLists(), "the same in every account and every cloud");
    assertTrue(west.getFirst().cidrs().getFirst().matches("52\\.\\d+\\.0\\.0/16"));
  }

  @Test
  void filtersByNameTheWayTerraformReadsAnEndpoint() {
    var s3 = describe(DescribePrefixListsRequest.builder().filters(Filter.builder().name("prefix-list-name")
        .values("com.amazonaws.us-east-1.s3").build()).build());
    assertEquals(List.of("pl-63a5400a"), s3.prefixLists().stream().map(PrefixList::prefixListId).toList());
    var none = describe(DescribePrefixListsRequest.builder().filters(Filter.builder().name("prefix-list-name")
        .values("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0").build()).build());
    assertTrue(none.prefixLists().isEmpty());
    var byId = describe(DescribePrefixListsRequest.builder().filters(Filter.builder().name("prefix-list-id")
        .values("pl-02cd2c6b").build()).build());
    assertEquals("com.amazonaws.us-east-1.dynamodb", byId.prefixLists().getFirst().prefixListName());
  }

  @Test
  void idsMustExist() {
    var one = describe(DescribePrefixListsRequest.builder().prefixListIds("pl-02cd2c6b").build());
    assertEquals(1, one.prefixLists().size());
    AwsException e = assertThrows(AwsException.class,
        () -> describe(DescribePrefixListsRequest.builder().prefixListIds("pl-02cd2c6b", "pl-00000000").build()));
    assertEquals("InvalidPrefixListID.NotFound", e.code());
    assertEquals("The prefix list ID 'pl-00000000' does not exist", e.getMessage());
    assertEquals("InvalidPrefixListId.Malformed", assertThrows(AwsException.class,
        () -> describe(DescribePrefixListsRequest.builder().prefixListIds("sg-1").build())).code());
    assertEquals("InvalidParameterValue", assertThrows(AwsException.class, () -> describe(DescribePrefixListsRequest
        .builder().filters(Filter.builder().name("owner-id").values("AWS").build()).build())).code());
  }

  @Test
  void pages() {
    var first = describe(DescribePrefixListsRequest.builder().maxResults(1).build());
    assertEquals(1, first.prefixLists().size());
    assertNotNull(first.nextToken());
    var second = describe(DescribePrefixListsRequest.builder().maxResults(1).nextToken(first.nextToken()).build());
    assertEquals("pl-02cd2c6b", second.prefixLists().getFirst().prefixListId());
    assertNull(second.nextToken());
  }
}
