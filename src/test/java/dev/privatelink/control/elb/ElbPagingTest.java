package dev.privatelink.control.elb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/** Marker/NextMarker paging survives deletes between pages, and a marker we did not issue is refused. */
class ElbPagingTest {
  private final ElbFixture f = new ElbFixture();

  @Test
  void deletingALoadBalancerAlreadyReturnedNeitherSkipsNorRepeats() {
    List<LoadBalancer> made = List.of(f.alb("one"), f.alb("two"), f.nlb("three"), f.alb("four"), f.nlb("five"));
    DescribeLoadBalancersResponse page1 = f.call(DescribeLoadBalancersRequest.builder().pageSize(2).build());
    List<String> seen = new ArrayList<>(names(page1));
    assertEquals(List.of("one", "two"), seen);
    f.call(DeleteLoadBalancerRequest.builder().loadBalancerArn(made.getFirst().loadBalancerArn()).build());
    DescribeLoadBalancersResponse page2 = f.call(DescribeLoadBalancersRequest.builder().pageSize(2)
        .marker(page1.nextMarker()).build());
    assertEquals(List.of("three", "four"), names(page2));
    f.call(DeleteLoadBalancerRequest.builder().loadBalancerArn(made.get(3).loadBalancerArn()).build());
    DescribeLoadBalancersResponse page3 = f.call(DescribeLoadBalancersRequest.builder().pageSize(2)
        .marker(page2.nextMarker()).build());
    assertEquals(List.of("five"), names(page3), "the last item returned was deleted: resume after it");
    assertNull(page3.nextMarker());
  }

  @Test
  void deletingTheLastTargetGroupReturnedResumesAtTheNextOne() {
    List<TargetGroup> made = new ArrayList<>();
    for (String name : List.of("a", "b", "c", "d")) {
      made.add(f.targetGroup(name, "HTTP", 80, "instance"));
    }
    DescribeTargetGroupsResponse page1 = f.call(DescribeTargetGroupsRequest.builder().pageSize(2).build());
    f.call(DeleteTargetGroupRequest.builder().targetGroupArn(made.get(1).targetGroupArn()).build());
    DescribeTargetGroupsResponse page2 = f.call(DescribeTargetGroupsRequest.builder().pageSize(2)
        .marker(page1.nextMarker()).build());
    assertEquals(List.of("a", "b"), page1.targetGroups().stream().map(TargetGroup::targetGroupName).toList());
    assertEquals(List.of("c", "d"), page2.targetGroups().stream().map(TargetGroup::targetGroupName).toList());
  }

  @Test
  void aMarkerThisServerDidNotIssueIsAValidationError() {
    f.alb("one");
    f.fails("ValidationError", DescribeLoadBalancersRequest.builder().marker("not-a-marker").build());
    f.fails("ValidationError", DescribeLoadBalancersRequest.builder().pageSize(401).build());
  }

  private static List<String> names(DescribeLoadBalancersResponse r) {
    return r.loadBalancers().stream().map(LoadBalancer::loadBalancerName).toList();
  }
}
