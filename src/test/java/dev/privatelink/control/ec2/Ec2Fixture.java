package dev.privatelink.control.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import dev.privatelink.control.ControlEvent;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;

/** A cloud and helpers that call EC2 actions as account 111111111111 in us-east-1. */
class Ec2Fixture {
  static final String ACCOUNT = "111111111111";
  static final String REGION = "us-east-1";
  static final String PRINCIPAL = "arn:aws:iam::111111111111:root";
  static final String ID17 = "[0-9a-f]{17}";

  final Cloud cloud;

  Ec2Fixture() {
    this(new Cloud());
  }

  Ec2Fixture(Cloud cloud) {
    this.cloud = cloud;
  }

  @SuppressWarnings("unchecked")
  <T extends SdkResponse> T call(SdkRequest request) {
    return (T) cloud.call(ACCOUNT, REGION, PRINCIPAL, request);
  }

  @SuppressWarnings("unchecked")
  <T extends SdkResponse> T callIn(String account, String region, SdkRequest request) {
    return (T) cloud.call(account, region, "arn:aws:iam::" + account + ":root", request);
  }

  /** Asserts the call fails with {@code code} and leaves the cloud's version unchanged. */
  AwsException fails(String code, SdkRequest request) {
    long before = cloud.version();
    AwsException e = assertThrows(AwsException.class, () -> call(request));
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(400, e.status());
    assertEquals(before, cloud.version(), "a failed call must not change state");
    return e;
  }

  void ready(String id) {
    cloud.report(new ControlEvent.ResourceReady(id));
  }

  String vpc(String cidr) {
    CreateVpcResponse r = call(CreateVpcRequest.builder().cidrBlock(cidr).build());
    return r.vpc().vpcId();
  }

  String subnet(String vpcId, String cidr, String az) {
    CreateSubnetResponse r = call(CreateSubnetRequest.builder().vpcId(vpcId).cidrBlock(cidr).availabilityZone(az).build());
    return r.subnet().subnetId();
  }

  String group(String vpcId, String name) {
    CreateSecurityGroupResponse r = call(CreateSecurityGroupRequest.builder().vpcId(vpcId).groupName(name)
        .description("group " + name).build());
    return r.groupId();
  }

  void allowTcp(String groupId, int port, String cidr) {
    call(AuthorizeSecurityGroupIngressRequest.builder().groupId(groupId).ipPermissions(IpPermission.builder()
        .ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(IpRange.builder().cidrIp(cidr).build()).build()).build());
  }

  /** The most recent Amazon Linux 2023 x86_64 image, found the way Terraform's aws_ami does. */
  String al2023() {
    DescribeImagesResponse r = call(DescribeImagesRequest.builder().owners("amazon").filters(
        Filter.builder().name("name").values("al2023-ami-2023.*-x86_64").build(),
        Filter.builder().name("architecture").values("x86_64").build(),
        Filter.builder().name("virtualization-type").values("hvm").build()).build());
    return r.images().stream().max(java.util.Comparator.comparing(i -> i.creationDate())).orElseThrow().imageId();
  }

  RunInstancesResponse run(String subnetId, String... groupIds) {
    return call(RunInstancesRequest.builder().imageId(al2023()).instanceType("t3.nano").subnetId(subnetId)
        .securityGroupIds(groupIds).minCount(1).maxCount(1).build());
  }
}
