package dev.privatelink.dataplane.spec;

import java.util.List;

/**
 * A network interface: one private IPv4 address in a subnet, filtered by its security groups.
 * Instance ENIs live in the instance's own namespace; managed ENIs (load balancer nodes, endpoint
 * ENIs) are addresses of the VPC router namespace where the JVM listens.
 *
 * @param ownerId the instance id, load balancer ARN or VPC endpoint id that owns the interface
 */
public record EniSpec(
    String eniId, String subnetId, String privateIp, List<String> securityGroupIds, Kind kind, String ownerId) {
  public EniSpec {
    securityGroupIds = List.copyOf(securityGroupIds);
  }

  /** What an ENI belongs to, in AWS's interface types. */
  public enum Kind { INSTANCE, LOAD_BALANCER, VPC_ENDPOINT }
}
