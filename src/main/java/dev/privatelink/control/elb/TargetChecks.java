package dev.privatelink.control.elb;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Network;
import dev.privatelink.control.Scope;
import dev.privatelink.model.Cidr;
import dev.privatelink.model.Ipv4;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * What RegisterTargets requires of each target: instances exist, run and sit in the group's VPC;
 * IP addresses lie in the VPC's CIDR (or anywhere private with zone {@code all}); an {@code alb}
 * target is an application load balancer of the VPC, listening on the port, the only one of its
 * group.
 */
final class TargetChecks {
  private final ElbState state;
  private final Network network;

  TargetChecks(ElbState state, Network network) {
    this.state = state;
    this.network = network;
  }

  /** Returns the zone to record for the target (null when AWS derives it). */
  @Nullable String check(Scope scope, TargetGroupRecord group, String id, int port, String zone, List<RegisteredTarget> current) {
    if (id == null || id.isEmpty()) {
      throw ElbErrors.validation("A target ID must be specified");
    }
    return switch (group.targetType()) {
      case INSTANCE -> checkInstance(scope, group, id);
      case IP -> checkIp(scope, group, id, zone);
      case ALB -> checkAlb(scope, group, id, port, current);
      case LAMBDA, UNKNOWN_TO_SDK_VERSION -> throw new IllegalStateException("stored target type " + group.targetType());
    };
  }

  private @Nullable String checkInstance(Scope scope, TargetGroupRecord group, String id) {
    Network.InstanceInfo instance;
    try {
      instance = network.instance(scope, id);
    } catch (AwsException e) {
      throw ElbErrors.invalidTarget("The following targets are not valid instances: '" + id + "'");
    }
    if (!instance.vpcId().equals(group.vpcId())) {
      throw ElbErrors.invalidTarget("The following targets are not in the target group VPC '" + group.vpcId()
          + "': '" + id + "'");
    }
    if (instance.state() != InstanceStateName.RUNNING && instance.state() != InstanceStateName.PENDING) {
      throw ElbErrors.invalidTarget("The following targets are not in a running state and cannot be registered: '"
          + id + "'");
    }
    return null;
  }

  private String checkIp(Scope scope, TargetGroupRecord group, String ip, String zone) {
    if (!Ipv4.isValid(ip)) {
      throw ElbErrors.invalidTarget("The IP address '" + ip + "' is not a valid IPv4 address");
    }
    if ("all".equals(zone)) {
      return zone;
    }
    Cidr vpc = Cidr.parse(network.vpc(scope, group.vpcId()).cidr());
    if (!vpc.contains(Ipv4.parse(ip))) {
      throw ElbErrors.invalidTarget("The IP address '" + ip + "' is not within the CIDR of VPC '" + group.vpcId()
          + "'; use availability zone 'all' for addresses outside the VPC");
    }
    return zone;
  }

  private @Nullable String checkAlb(Scope scope, TargetGroupRecord group, String arn, int port, List<RegisteredTarget> current) {
    LoadBalancerRecord alb = state.loadBalancers.find(scope, arn).filter(LoadBalancerRecord::isApplication)
        .orElseThrow(() -> ElbErrors.invalidTarget("The target '" + arn + "' is not an Application Load Balancer"));
    if (!alb.vpcId().equals(group.vpcId())) {
      throw ElbErrors.invalidTarget("The load balancer '" + arn + "' is not in the target group VPC '"
          + group.vpcId() + "'");
    }
    if (current.stream().anyMatch(r -> !r.id().equals(arn))) {
      throw ElbErrors.code("TooManyTargets", "A target group of type 'alb' can have only one Application Load Balancer");
    }
    if (state.listenersOf(scope, arn).stream().noneMatch(l -> l.port() == port)) {
      throw ElbErrors.invalidTarget("The port '" + port + "' must match a listener port of load balancer '" + arn + "'");
    }
    return null;
  }
}
