package dev.privatelink.control.elb;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;

/**
 * A load balancer as the ELB feature stores it: what DescribeLoadBalancers shows plus its nodes
 * (one managed ENI per mapped subnet) and its attributes.
 *
 * @param type application or network (gateway is refused at creation)
 * @param state provisioning, then active or failed
 */
public record LoadBalancerRecord(String arn, String name, LoadBalancerTypeEnum type, String scheme, String vpcId,
    String dnsName, String hostedZoneId, LoadBalancerStateEnum state, Instant createdTime, List<Node> nodes, List<String> securityGroups,
    Map<String, String> attributes) {
  public LoadBalancerRecord {
    nodes = List.copyOf(nodes);
    securityGroups = List.copyOf(securityGroups);
    attributes = Map.copyOf(attributes);
  }

  /** One node: the ENI AWS puts in a mapped subnet. */
  public record Node(String zoneName, @Nullable String zoneId, String subnetId, String eniId, String privateIp) {}

  boolean isApplication() {
    return type == LoadBalancerTypeEnum.APPLICATION;
  }

  /** {@code app/<name>/<id>} or {@code net/<name>/<id>}, the part ARNs of its listeners reuse. */
  String resourcePath() {
    return arn.substring(arn.indexOf(":loadbalancer/") + ":loadbalancer/".length());
  }

  LoadBalancerRecord withState(LoadBalancerStateEnum newState) {
    return new LoadBalancerRecord(arn, name, type, scheme, vpcId, dnsName, hostedZoneId, newState, createdTime, nodes,
        securityGroups, attributes);
  }

  LoadBalancerRecord withAttributes(Map<String, String> newAttributes) {
    return new LoadBalancerRecord(arn, name, type, scheme, vpcId, dnsName, hostedZoneId, state, createdTime, nodes,
        securityGroups, newAttributes);
  }

  LoadBalancerRecord withSecurityGroups(List<String> groups) {
    return new LoadBalancerRecord(arn, name, type, scheme, vpcId, dnsName, hostedZoneId, state, createdTime, nodes,
        groups, attributes);
  }

  LoadBalancerRecord withNodes(List<Node> newNodes) {
    return new LoadBalancerRecord(arn, name, type, scheme, vpcId, dnsName, hostedZoneId, state, createdTime, newNodes,
        securityGroups, attributes);
  }
}
