package dev.privatelink.testing;

import dev.privatelink.stacks.StackClients;

/**
 * The smallest PrivateLink setups through the SDK, for tests about accounts: a VPC with one
 * subnet, an internal NLB's endpoint service that accepts without asking, a principal allowed on
 * it, and an interface endpoint to it from a new VPC of the consumer.
 */
public final class PrivateLinkFixtures {
  private PrivateLinkFixtures() {}

  /** A new 10.0.0.0/16 VPC with a subnet in us-east-1a; its subnet id. */
  public static String subnet(StackClients c) {
    String vpc = c.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    return c.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
  }

  /** An endpoint service (acceptance not required) in front of a new NLB in a new VPC; its service id. */
  public static String service(StackClients c) {
    String subnet = subnet(c);
    String nlb = c.elb().createLoadBalancer(r -> r.name("nlb-" + c.hashCode()).type("network").scheme("internal")
        .subnets(subnet)).loadBalancers().getFirst().loadBalancerArn();
    return c.ec2().createVpcEndpointServiceConfiguration(r -> r.networkLoadBalancerArns(nlb).acceptanceRequired(false))
        .serviceConfiguration().serviceId();
  }

  public static void allow(StackClients provider, String serviceId, String consumer) {
    provider.ec2().modifyVpcEndpointServicePermissions(r -> r.serviceId(serviceId)
        .addAllowedPrincipals("arn:aws:iam::" + consumer + ":root"));
  }

  /** An interface endpoint to {@code serviceId} in a new VPC of {@code consumer}; its id. */
  public static String endpoint(StackClients consumer, String serviceId) {
    String subnet = subnet(consumer);
    String vpc = consumer.ec2().describeSubnets(r -> r.subnetIds(subnet)).subnets().getFirst().vpcId();
    String name = "com.amazonaws.vpce.us-east-1." + serviceId;
    return consumer.ec2().createVpcEndpoint(r -> r.vpcId(vpc).serviceName(name).vpcEndpointType("Interface")
        .subnetIds(subnet)).vpcEndpoint().vpcEndpointId();
  }
}
