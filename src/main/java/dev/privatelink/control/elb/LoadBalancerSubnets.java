package dev.privatelink.control.elb;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.Network;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.IpAddressType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetIpAddressTypeRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetIpAddressTypeResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetSubnetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetSubnetsResponse;

/**
 * The zones of an existing load balancer: SetSubnets replaces its subnets (a node, one managed ENI,
 * is made in each new subnet and removed from each dropped one; a kept subnet keeps its node and
 * address), checked as CreateLoadBalancer checks them; SetIpAddressType, where only {@code ipv4}
 * is carried.
 *
 * @see <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SetSubnets.html">SetSubnets</a>,
 *     <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SetIpAddressType.html">SetIpAddressType</a>
 */
public record LoadBalancerSubnets(ElbState state, Network network) implements ActionHandler {
  public SetSubnetsResponse setSubnets(RequestContext ctx, SetSubnetsRequest request) {
    Scope scope = ctx.scope();
    LoadBalancerRecord lb = state.loadBalancer(scope, request.loadBalancerArn());
    checkIpv4(request.ipAddressType(), request.ipAddressTypeAsString());
    SubnetPlan plan = SubnetPlan.resolve(network, scope, lb.type(), request.subnets(), request.subnetMappings());
    if (!plan.vpcId().equals(lb.vpcId())) {
      throw ElbErrors.invalidConfiguration("The subnets must all belong to the VPC of the load balancer, '" + lb.vpcId() + "'");
    }
    Map<String, LoadBalancerRecord.Node> kept = lb.nodes().stream()
        .filter(n -> plan.subnetIds().contains(n.subnetId()))
        .collect(Collectors.toMap(LoadBalancerRecord.Node::subnetId, Function.identity()));
    if (!lb.isApplication()) {
      checkZonesKeepTheirSubnet(lb, plan);
    }
    List<Network.SubnetInfo> added = plan.subnets().stream().filter(s -> !kept.containsKey(s.subnetId())).toList();
    Map<String, LoadBalancerRecord.Node> made = LoadBalancers.createNodes(network, ctx, added, lb.type(), lb.arn(),
        "ELB " + lb.resourcePath(), lb.securityGroups()).stream()
        .collect(Collectors.toMap(LoadBalancerRecord.Node::subnetId, Function.identity()));
    lb.nodes().stream().filter(n -> !kept.containsKey(n.subnetId())).forEach(n -> network.deleteManagedInterface(scope, n.eniId()));
    List<LoadBalancerRecord.Node> nodes = new ArrayList<>();
    for (String subnetId : plan.subnetIds()) {
      nodes.add(kept.containsKey(subnetId) ? kept.get(subnetId) : made.get(subnetId));
    }
    LoadBalancerRecord updated = lb.withNodes(nodes);
    state.loadBalancers.put(scope, lb.arn(), updated);
    return SetSubnetsResponse.builder().availabilityZones(LoadBalancerViews.render(updated).availabilityZones())
        .ipAddressType(IpAddressType.IPV4).build();
  }

  /**
   * A Network Load Balancer's node in a zone keeps its subnet: AWS adds zones to it and removes
   * them, but does not move a zone to another subnet.
   */
  private static void checkZonesKeepTheirSubnet(LoadBalancerRecord lb, SubnetPlan plan) {
    for (Network.SubnetInfo s : plan.subnets()) {
      for (LoadBalancerRecord.Node n : lb.nodes()) {
        if (n.zoneName().equals(s.availabilityZone()) && !n.subnetId().equals(s.subnetId())) {
          throw ElbErrors.invalidConfiguration("The subnet of Availability Zone '" + n.zoneName() + "' cannot be changed from '"
              + n.subnetId() + "' to '" + s.subnetId() + "' on a Network Load Balancer");
        }
      }
    }
  }

  public SetIpAddressTypeResponse setIpAddressType(RequestContext ctx, SetIpAddressTypeRequest request) {
    state.loadBalancer(ctx.scope(), request.loadBalancerArn());
    checkIpv4(request.ipAddressType(), request.ipAddressTypeAsString());
    return SetIpAddressTypeResponse.builder().ipAddressType(IpAddressType.IPV4).build();
  }

  /** AWS's enum is checked first; of its values, the fabric carries only {@code ipv4} (it has no IPv6). */
  static void checkIpv4(@Nullable IpAddressType type, @Nullable String given) {
    if (type == null || type == IpAddressType.IPV4) {
      return;
    }
    if (type == IpAddressType.UNKNOWN_TO_SDK_VERSION) {
      throw ElbErrors.validation("1 validation error detected: Value '" + given + "' at 'ipAddressType' failed to satisfy "
          + "constraint: Member must satisfy enum value set: [ipv4, dualstack, dualstack-without-public-ipv4]");
    }
    throw ElbErrors.invalidConfiguration("IP address type '" + given + "' is not supported");
  }
}
