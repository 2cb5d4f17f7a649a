package dev.privatelink.control.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceCreditSpecificationsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceCreditSpecificationsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceCreditSpecification;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;

/**
 * DescribeInstanceCreditSpecifications through a real Cloud: the worked example of CONTRIBUTING.md,
 * kept here so that the example compiles and holds.
 */
class InstanceCreditSpecificationsTest {
  final Ec2Fixture f = new Ec2Fixture();

  @Test
  void burstableInstancesAnswerTheirTypesDefault() {
    String subnet = f.subnet(f.vpc("10.0.0.0/16"), "10.0.0.0/24", "us-east-1a");
    String id = f.run(subnet).instances().getFirst().instanceId();
    DescribeInstanceCreditSpecificationsResponse r = f.call(
        DescribeInstanceCreditSpecificationsRequest.builder().instanceIds(id).build());
    assertEquals(List.of(id), r.instanceCreditSpecifications().stream().map(InstanceCreditSpecification::instanceId).toList());
    assertEquals("unlimited", r.instanceCreditSpecifications().getFirst().cpuCredits());
  }

  @Test
  void instancesWithoutCpuCreditsAreLeftOut() {
    String subnet = f.subnet(f.vpc("10.0.0.0/16"), "10.0.0.0/24", "us-east-1a");
    f.call(RunInstancesRequest.builder().imageId(f.al2023()).instanceType("m5.large").subnetId(subnet)
        .minCount(1).maxCount(1).build());
    DescribeInstanceCreditSpecificationsResponse r = f.call(DescribeInstanceCreditSpecificationsRequest.builder().build());
    assertEquals(List.of(), r.instanceCreditSpecifications());
  }

  @Test
  void anUnknownIdIsNotFound() {
    f.fails("InvalidInstanceID.NotFound",
        DescribeInstanceCreditSpecificationsRequest.builder().instanceIds("i-0123456789abcdef0").build());
  }
}
