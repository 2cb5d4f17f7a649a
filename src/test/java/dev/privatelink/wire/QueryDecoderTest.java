package dev.privatelink.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyLoadBalancerAttributesRequest;

class QueryDecoderTest {
  @Test
  void readsEc2ListsAndNestedFilters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("Action", "DescribeVpcs");
    p.put("VpcId.1", "vpc-1");
    p.put("VpcId.2", "vpc-2");
    p.put("Filter.1.Name", "tag:Name");
    p.put("Filter.1.Value.1", "a");
    p.put("Filter.1.Value.2", "b");
    p.put("MaxResults", "5");
    DescribeVpcsRequest r = QueryDecoder.ec2().decode(DescribeVpcsRequest.class, p);
    assertEquals(java.util.List.of("vpc-1", "vpc-2"), r.vpcIds());
    assertEquals("tag:Name", r.filters().getFirst().name());
    assertEquals(java.util.List.of("a", "b"), r.filters().getFirst().values());
    assertEquals(5, r.maxResults());
  }

  @Test
  void ordersListItemsByIndexNotByArrival() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("VpcId.10", "ten");
    p.put("VpcId.2", "two");
    assertEquals(java.util.List.of("two", "ten"), QueryDecoder.ec2().decode(DescribeVpcsRequest.class, p).vpcIds());
  }

  @Test
  void readsQueryMemberLists() {
    Map<String, String> p = Map.of("Name", "lb", "Subnets.member.1", "subnet-1", "Subnets.member.2", "subnet-2",
        "Tags.member.1.Key", "k", "Tags.member.1.Value", "v");
    CreateLoadBalancerRequest r = QueryDecoder.query("elbv2").decode(CreateLoadBalancerRequest.class, p);
    assertEquals(java.util.List.of("subnet-1", "subnet-2"), r.subnets());
    assertEquals("k", r.tags().getFirst().key());
  }

  @Test
  void emptyListParameterIsAnEmptyList() {
    Map<String, String> p = Map.of("LoadBalancerArn", "arn", "Attributes", "");
    var r = QueryDecoder.query("elbv2").decode(ModifyLoadBalancerAttributesRequest.class, p);
    assertTrue(r.hasAttributes());
    assertTrue(r.attributes().isEmpty());
  }

  @Test
  void missingRequiredMemberIsReported() {
    var e = assertThrows(WireException.class, () -> QueryDecoder.ec2().decode(CreateVpcEndpointRequest.class, Map.of("ServiceName", "x")));
    assertEquals(WireException.Kind.MISSING, e.kind());
    assertEquals("VpcId", e.parameter());
  }

  @Test
  void missingRequiredMemberOfListItemIsReported() {
    var e = assertThrows(WireException.class, () -> QueryDecoder.query("elbv2").decode(CreateLoadBalancerRequest.class,
        Map.of("Name", "lb", "Tags.member.1.Value", "v")));
    assertEquals("Tags.member.1.Key", e.parameter());
  }

  @Test
  void wrongTypeIsMalformed() {
    var e = assertThrows(WireException.class, () -> QueryDecoder.ec2().decode(DescribeVpcsRequest.class, Map.of("MaxResults", "lots")));
    assertEquals(WireException.Kind.MALFORMED, e.kind());
    assertEquals("MaxResults", e.parameter());
  }

  @Test
  void unknownParameterIsRefusedButEnvelopeIsNot() {
    assertEquals(0, QueryDecoder.ec2().decode(DescribeVpcsRequest.class,
        Map.of("Action", "DescribeVpcs", "Version", "2016-11-15")).vpcIds().size());
    var e = assertThrows(WireException.class, () -> QueryDecoder.ec2().decode(DescribeVpcsRequest.class, Map.of("Bogus", "1")));
    assertEquals(WireException.Kind.UNKNOWN, e.kind());
  }
}
