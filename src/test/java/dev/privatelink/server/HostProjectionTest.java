package dev.privatelink.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.privatelink.control.Cloud;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.dataplane.spec.VpcSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;

/** What the host is asked to hold: a default VPC only while something is in it. */
class HostProjectionTest {
  private static final String ACCOUNT = "111111111111";
  private final Cloud cloud = new Cloud();

  @SuppressWarnings("unchecked")
  private <T> T call(SdkRequest request) {
    return (T) cloud.call(ACCOUNT, "us-east-1", "arn:aws:iam::" + ACCOUNT + ":root", request);
  }

  private List<String> projectedCidrs() {
    return AppliedProjection.read(cloud).state().vpcs().stream().map(VpcSpec::cidr).toList();
  }

  @Test
  void anUnusedDefaultVpcIsNotOnTheHostButAnUnusedVpcOfTheUserIs() {
    call(CreateVpcRequest.builder().cidrBlock("10.0.0.0/16").build());
    assertEquals(List.of("10.0.0.0/16"), projectedCidrs(), "a VPC the user made waits on its namespace");
    DescribeImagesResponse images = call(DescribeImagesRequest.builder().owners("amazon").build());
    RunInstancesResponse run = call(RunInstancesRequest.builder().imageId(images.images().getFirst().imageId())
        .minCount(1).maxCount(1).build());
    assertEquals(List.of("172.31.0.0/16", "10.0.0.0/16"), projectedCidrs());
    call(TerminateInstancesRequest.builder().instanceIds(run.instances().getFirst().instanceId()).build());
    cloud.report(new ControlEvent.ResourceReady(run.instances().getFirst().instanceId()));
    assertEquals(List.of("10.0.0.0/16"), projectedCidrs(), "empty again, the default VPC leaves the host");
  }
}
