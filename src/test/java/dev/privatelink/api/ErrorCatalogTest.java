package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import dev.privatelink.testing.RawAws;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;

/**
 * AWS's errors through the SDK, as the SDK parses them: the code, the HTTP status, a message of
 * AWS's kind, and no change to the state (the cloud's version stays put).
 */
class ErrorCatalogTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();
  StackClients c;
  String vpc;

  @BeforeEach
  void vpc() {
    CLOUD.reset();
    c = CLOUD.clients("111111111111");
    vpc = c.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    String subnet = c.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24").availabilityZone("us-east-1a"))
        .subnet().subnetId();
    // New resources settle asynchronously (pending → available); wait, so versions compare errors alone.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!"available".equals(c.ec2().describeSubnets(r -> r.subnetIds(subnet)).subnets().getFirst().stateAsString())
        || !"available".equals(c.ec2().describeVpcs(r -> r.vpcIds(vpc)).vpcs().getFirst().stateAsString())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the VPC and subnet never became available");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private void refused(String code, Supplier<?> call) {
    long before = CLOUD.cloud().cloud().version();
    AwsServiceException e = assertThrows(AwsServiceException.class, call::get);
    assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
    assertEquals(400, e.statusCode());
    assertTrue(e.awsErrorDetails().errorMessage() != null && !e.awsErrorDetails().errorMessage().isBlank());
    assertEquals(before, CLOUD.cloud().cloud().version(), code + " changed nothing");
  }

  @Test
  void ec2Errors() {
    refused("InvalidVpcID.NotFound", () -> c.ec2().describeVpcs(r -> r.vpcIds("vpc-0000000000000000f")));
    refused("InvalidSubnet.Conflict", () -> c.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.128/25").availabilityZone("us-east-1a")));
    refused("InvalidSubnet.Range", () -> c.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.1.0.0/24").availabilityZone("us-east-1a")));
    refused("DependencyViolation", () -> c.ec2().deleteVpc(r -> r.vpcId(vpc)));
    refused("InvalidParameterValue", () -> c.ec2().describeVpcs(r -> r.filters(f -> f.name("no-such-filter").values("x"))));
    refused("MissingParameter", () -> c.ec2().createVpcEndpoint(r -> r.serviceName("com.amazonaws.vpce.us-east-1.vpce-svc-0")));
    refused("InvalidVpcEndpointServiceId.NotFound", () -> c.ec2().describeVpcEndpointServiceConfigurations(
        r -> r.serviceIds("vpce-svc-0000000000000000f")));
    refused("InvalidServiceName", () -> c.ec2().createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType("Interface")
        .serviceName("com.amazonaws.vpce.us-east-1.vpce-svc-0000000000000000f")));
  }

  @Test
  void elbAndAcmErrors() {
    long before = CLOUD.cloud().cloud().version();
    assertThrows(LoadBalancerNotFoundException.class, () -> c.elb().describeLoadBalancers(r -> r.names("nope")));
    refused("ValidationError", () -> c.elb().createLoadBalancer(r -> r.name("internal-bad").type("network")));
    assertThrows(ResourceNotFoundException.class, () -> c.acm().describeCertificate(r -> r.certificateArn(
        "arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000")));
    assertEquals(before, CLOUD.cloud().cloud().version());
  }

  @Test
  void motoResetRefusesAnUnsignedCallAndResetsTheSigningAccount() {
    var r = new RawAws(CLOUD.endpoint());
    var unsigned = r.send("POST", "/moto-api/reset", null, null);
    assertEquals(403, unsigned.statusCode());
    assertTrue(unsigned.body().contains("<Code>MissingAuthenticationToken</Code>"), unsigned.body());
    assertTrue(c.ec2().describeVpcs().vpcs().size() > 1, "an unsigned reset changes nothing");
    var signed = r.signed("POST", "/moto-api/reset", "111111111111", "secret", "ec2");
    assertEquals(200, signed.statusCode(), signed.body());
    // Empty again, as a new AWS account is: only the region's default VPC.
    var vpcs = c.ec2().describeVpcs().vpcs();
    assertEquals(1, vpcs.size());
    assertTrue(vpcs.getFirst().isDefault());
    assertEquals(200, r.get("/_privatelink/health").statusCode());
  }
}
