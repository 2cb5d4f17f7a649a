package dev.privatelink.dataplane.spec;

import java.util.List;

/**
 * An application or network load balancer: a node per mapped subnet, each node an address of the
 * VPC router namespace, listening on every listener port.
 *
 * @param type {@code application} or {@code network}
 * @param crossZone for NLBs, whether a node may send to targets in other AZs (ALBs always may)
 * @param idleTimeoutSeconds ALB {@code idle_timeout.timeout_seconds}; NLB listeners carry their own
 */
public record LoadBalancerSpec(
    String arn,
    String name,
    String type,
    String dnsName,
    boolean crossZone,
    int idleTimeoutSeconds,
    List<Node> nodes,
    List<ListenerSpec> listeners,
    List<TargetGroupSpec> targetGroups) {
  public LoadBalancerSpec {
    nodes = List.copyOf(nodes);
    listeners = List.copyOf(listeners);
    targetGroups = List.copyOf(targetGroups);
  }

  /** One load balancer node: its ENI's address in one AZ. */
  public record Node(String availabilityZone, String subnetId, String eniId, String privateIp) {}
}
