package dev.privatelink.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DeleteVpcResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

class XmlEncoderTest {
  @Test
  void ec2UsesLowerCamelNamesAndItems() {
    var response = DescribeVpcsResponse.builder().vpcs(Vpc.builder().vpcId("vpc-1").cidrBlock("10.0.0.0/16")
        .isDefault(false).tags(Tag.builder().key("Name").value("a<b").build()).build()).build();
    String xml = XmlEncoder.ec2().encode("DescribeVpcs", response, "req-1");
    assertTrue(xml.contains("<DescribeVpcsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>req-1</requestId>"), xml);
    assertTrue(xml.contains("<vpcSet><item>") && xml.contains("<vpcId>vpc-1</vpcId>"), xml);
    assertTrue(xml.contains("<isDefault>false</isDefault>"), xml);
    assertTrue(xml.contains("<tagSet><item><key>Name</key><value>a&lt;b</value></item></tagSet>"), xml);
    assertFalse(xml.contains("ipv6CidrBlockAssociationSet"), "unset lists are left out: " + xml);
  }

  @Test
  void ec2VoidActionsAnswerReturnTrue() {
    String xml = XmlEncoder.ec2().encode("DeleteVpc", DeleteVpcResponse.builder().build(), "r");
    assertTrue(xml.contains("<return>true</return>"), xml);
  }

  @Test
  void queryWrapsResultAndMembers() {
    var response = DescribeLoadBalancersResponse.builder().loadBalancers(LoadBalancer.builder().loadBalancerName("lb")
        .createdTime(Instant.parse("2026-01-02T03:04:05Z")).securityGroups("sg-1").build()).build();
    String xml = XmlEncoder.query("http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/").encode("DescribeLoadBalancers", response, "r");
    assertTrue(xml.contains("<DescribeLoadBalancersResult><LoadBalancers><member>"), xml);
    assertTrue(xml.contains("<CreatedTime>2026-01-02T03:04:05.000Z</CreatedTime>"), xml);
    assertTrue(xml.contains("<SecurityGroups><member>sg-1</member></SecurityGroups>"), xml);
    assertTrue(xml.endsWith("<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeLoadBalancersResponse>"), xml);
  }
}
