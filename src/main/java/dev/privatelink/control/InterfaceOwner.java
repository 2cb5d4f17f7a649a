package dev.privatelink.control;

/**
 * Who a network interface belongs to, recorded when it is made rather than read back from its
 * description: an instance (its primary interface), a load balancer node, an interface endpoint, or
 * nobody but the account (an interface made by CreateNetworkInterface and not attached).
 *
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NetworkInterface.html">NetworkInterface</a>
 */
public sealed interface InterfaceOwner {
  /** The id the host picture names the owner by: instance id, load balancer ARN, endpoint id or interface id. */
  String id();

  /** The primary interface of the instance {@code id}. */
  record Instance(String id) implements InterfaceOwner {}

  /** A node of the application or network load balancer whose ARN is {@code id} (one per mapped subnet). */
  record LoadBalancerNode(String id) implements InterfaceOwner {}

  /** An interface of the interface endpoint {@code id} in one of its subnets. */
  record VpcEndpoint(String id) implements InterfaceOwner {}

  /** An interface the account made itself; the host names it by its own id. */
  record Unattached(String id) implements InterfaceOwner {}
}
