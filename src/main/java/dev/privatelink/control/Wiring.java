package dev.privatelink.control;

import java.util.function.UnaryOperator;

/**
 * What the features lean on from each other, as {@link Features} wires it: each operator gets the
 * real collaborator and returns the one to use. {@link #REAL} uses them as they are; tests put
 * in-memory fakes in their place (load balancers without building VPCs first, PrivateLink over a
 * fake network and fake NLBs), fixed for the life of the {@link Cloud}, resets included.
 *
 * @param elbNetwork the network the ELB feature sees
 * @param privateLinkNetwork the network the PrivateLink feature sees
 * @param privateLinkLoadBalancers the load balancers the PrivateLink feature sees
 */
public record Wiring(UnaryOperator<Network> elbNetwork, UnaryOperator<Network> privateLinkNetwork,
    UnaryOperator<LoadBalancerDirectory> privateLinkLoadBalancers) {
  /** The features as they are: no fakes. */
  public static final Wiring REAL = new Wiring(UnaryOperator.identity(), UnaryOperator.identity(),
      UnaryOperator.identity());

  /** The ELB feature sees {@code network} in place of the EC2 feature's. */
  public Wiring withElbNetwork(Network network) {
    return new Wiring(real -> network, privateLinkNetwork, privateLinkLoadBalancers);
  }

  /** The PrivateLink feature sees {@code network} and {@code loadBalancers} in place of the real ones. */
  public Wiring withPrivateLink(Network network, LoadBalancerDirectory loadBalancers) {
    return new Wiring(elbNetwork, real -> network, real -> loadBalancers);
  }
}
