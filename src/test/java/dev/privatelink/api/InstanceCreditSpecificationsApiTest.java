package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.privatelink.testing.LocalCloudExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceCreditSpecification;

/**
 * DescribeInstanceCreditSpecifications through the AWS SDK, over HTTP with SigV4 and the EC2 Query
 * protocol: the integration half of the worked example in CONTRIBUTING.md.
 */
class InstanceCreditSpecificationsApiTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();

  @Test
  void theSdkReadsTheCreditOptionOfALaunchedInstance() {
    Ec2Client ec2 = CLOUD.clients("111111111111").ec2();
    String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24").availabilityZone("us-east-1a"))
        .subnet().subnetId();
    String image = ec2.describeImages(r -> r.owners("amazon").filters(f -> f.name("architecture").values("x86_64")))
        .images().getFirst().imageId();
    String id = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").subnetId(subnet).minCount(1).maxCount(1))
        .instances().getFirst().instanceId();
    List<InstanceCreditSpecification> specs =
        ec2.describeInstanceCreditSpecifications(r -> r.instanceIds(id)).instanceCreditSpecifications();
    assertEquals(List.of(id), specs.stream().map(InstanceCreditSpecification::instanceId).toList());
    assertEquals("unlimited", specs.getFirst().cpuCredits());
  }
}
