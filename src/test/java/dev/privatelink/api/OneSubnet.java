package dev.privatelink.api;

import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import java.util.function.BooleanSupplier;

/** A reset cloud with one account's VPC (10.0.0.0/16) and one subnet in us-east-1a, for SDK tests. */
record OneSubnet(StackClients aws, String vpc, String subnet) {
  static OneSubnet in(LocalCloudExtension cloud) {
    cloud.reset();
    StackClients aws = cloud.clients("111111111111");
    String vpc = aws.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    String subnet = aws.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24").availabilityZone("us-east-1a"))
        .subnet().subnetId();
    return new OneSubnet(aws, vpc, subnet);
  }

  /** Waits up to ten seconds for a control-plane-only cloud to settle a state. */
  static void await(BooleanSupplier done) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("state never settled");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
