package dev.privatelink.control.elb;

import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerState;

/** Renders stored load balancers as DescribeLoadBalancers shows them. */
final class LoadBalancerViews {
  private LoadBalancerViews() {}

  static LoadBalancer render(LoadBalancerRecord lb) {
    return render(lb, null);
  }

  /** With the reason the host gave for a {@code failed} load balancer, shown in its state as AWS does. */
  static LoadBalancer render(LoadBalancerRecord lb, @Nullable String failureReason) {
    var builder = LoadBalancer.builder()
        .loadBalancerArn(lb.arn()).dnsName(lb.dnsName()).canonicalHostedZoneId(lb.hostedZoneId())
        .createdTime(lb.createdTime()).loadBalancerName(lb.name()).scheme(lb.scheme()).vpcId(lb.vpcId())
        .state(LoadBalancerState.builder().code(lb.state()).reason(failureReason).build()).type(lb.type()).ipAddressType("ipv4")
        .availabilityZones(lb.nodes().stream().map(n -> zone(lb, n)).toList());
    if (lb.isApplication() || !lb.securityGroups().isEmpty()) {
      builder.securityGroups(lb.securityGroups());
    }
    return builder.build();
  }

  private static AvailabilityZone zone(LoadBalancerRecord lb, LoadBalancerRecord.Node node) {
    var zone = AvailabilityZone.builder().zoneName(node.zoneName()).subnetId(node.subnetId());
    if (!lb.isApplication()) {
      // AWS lists an NLB zone's addresses only when a subnet mapping fixed them (an Elastic IP or a
      // chosen private address), which CreateLoadBalancer refuses here; an address AWS picked
      // itself is not shown, so the list is present and empty (ALBs have no such list).
      zone.loadBalancerAddresses(List.of());
    }
    return zone.build();
  }
}
