package dev.privatelink.control.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** MaxResults/NextToken paging through the Describe helper, with deletes between the pages. */
class DescribePagingTest {
  // The account's default VPC and its subnets are left out: the walks are over what the test made.
  private static final Filter NON_DEFAULT = Filter.builder().name("is-default").values("false").build();
  private final Ec2Fixture f = new Ec2Fixture();

  private static Filter inVpc(String vpcId) {
    return Filter.builder().name("vpc-id").values(vpcId).build();
  }

  @Test
  void deletingAVpcAlreadyReturnedNeitherSkipsNorRepeats() {
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(f.vpc("10." + i + ".0.0/16"));
    }
    DescribeVpcsResponse page1 = f.call(DescribeVpcsRequest.builder().filters(NON_DEFAULT).maxResults(2).build());
    assertEquals(made.subList(0, 2), ids(page1));
    f.call(DeleteVpcRequest.builder().vpcId(made.getFirst()).build());
    f.call(DeleteVpcRequest.builder().vpcId(made.get(1)).build());
    DescribeVpcsResponse page2 = f.call(DescribeVpcsRequest.builder().filters(NON_DEFAULT).maxResults(2).nextToken(page1.nextToken()).build());
    assertEquals(made.subList(2, 4), ids(page2));
    DescribeVpcsResponse page3 = f.call(DescribeVpcsRequest.builder().filters(NON_DEFAULT).maxResults(2).nextToken(page2.nextToken()).build());
    assertEquals(made.subList(4, 5), ids(page3));
    assertNull(page3.nextToken());
  }

  @Test
  void deletingSubnetsBetweenPagesKeepsTheWalkExact() {
    String vpc = f.vpc("10.0.0.0/16");
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      made.add(f.subnet(vpc, "10.0." + i + ".0/24", "us-east-1a"));
    }
    DescribeSubnetsResponse page1 = f.call(DescribeSubnetsRequest.builder().filters(inVpc(vpc)).maxResults(3).build());
    f.call(DeleteSubnetRequest.builder().subnetId(made.get(1)).build());
    DescribeSubnetsResponse page2 = f.call(DescribeSubnetsRequest.builder().filters(inVpc(vpc)).maxResults(3).nextToken(page1.nextToken()).build());
    assertEquals(made.subList(0, 3), page1.subnets().stream().map(Subnet::subnetId).toList());
    assertEquals(made.subList(3, 4), page2.subnets().stream().map(Subnet::subnetId).toList());
  }

  @Test
  void aTokenThisServerDidNotIssueIsInvalidParameterValue() {
    f.vpc("10.0.0.0/16");
    var e = f.fails("InvalidParameterValue", DescribeVpcsRequest.builder().nextToken("bm9wZQ").build());
    assertEquals("Value (bm9wZQ) for parameter nextToken is invalid. The token is invalid.", e.getMessage());
  }

  private static List<String> ids(DescribeVpcsResponse r) {
    return r.vpcs().stream().map(Vpc::vpcId).toList();
  }
}
