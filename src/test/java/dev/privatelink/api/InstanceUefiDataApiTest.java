package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.privatelink.testing.LocalCloudExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.GetInstanceUefiDataResponse;

/**
 * GetInstanceUefiData through the AWS SDK: an instance booted in legacy-bios mode has no UEFI
 * variable store, so the answer names it and carries no data; an unknown instance is
 * InvalidInstanceID.NotFound.
 */
class InstanceUefiDataApiTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();

  @Test
  void aLegacyBiosInstanceHasNoUefiData() {
    Ec2Client ec2 = CLOUD.clients("111111111111").ec2();
    String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
    String image = ec2.describeImages(r -> r.owners("amazon")).images().getFirst().imageId();
    var instance = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").subnetId(subnet).minCount(1).maxCount(1))
        .instances().getFirst();
    assertEquals("legacy-bios", instance.currentInstanceBootModeAsString());
    GetInstanceUefiDataResponse uefi = ec2.getInstanceUefiData(r -> r.instanceId(instance.instanceId()));
    assertEquals(instance.instanceId(), uefi.instanceId());
    assertNull(uefi.uefiData());
    Ec2Exception e = assertThrows(Ec2Exception.class, () -> ec2.getInstanceUefiData(r -> r.instanceId("i-0123456789abcdef0")));
    assertEquals("InvalidInstanceID.NotFound", e.awsErrorDetails().errorCode());
  }
}
