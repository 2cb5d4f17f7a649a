package dev.privatelink.control.elb;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Network;
import dev.privatelink.control.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SubnetMapping;

/**
 * The subnets a load balancer is asked to live in, checked as CreateLoadBalancer checks them:
 * each exists, all in one VPC, one per zone, and two zones at least for an application load
 * balancer.
 */
record SubnetPlan(String vpcId, List<Network.SubnetInfo> subnets) {
  static SubnetPlan resolve(Network network, Scope scope, LoadBalancerTypeEnum type, List<String> subnetIds,
      List<SubnetMapping> mappings) {
    boolean hasIds = subnetIds != null && !subnetIds.isEmpty();
    boolean hasMappings = mappings != null && !mappings.isEmpty();
    if (hasIds && hasMappings) {
      throw ElbErrors.validation("You can specify subnets or subnet mappings, not both");
    }
    List<String> ids = new ArrayList<>();
    if (hasIds) {
      ids.addAll(subnetIds);
    } else if (hasMappings) {
      for (SubnetMapping m : mappings) {
        if (m.allocationId() != null || m.privateIPv4Address() != null) {
          throw ElbErrors.invalidConfiguration("Subnet mappings with Elastic IPs or fixed addresses are not supported");
        }
        ids.add(m.subnetId());
      }
    }
    if (ids.isEmpty()) {
      throw ElbErrors.validation("At least one subnet must be specified");
    }
    return check(type, ids.stream().map(id -> lookup(network, scope, id)).toList());
  }

  private static SubnetPlan check(LoadBalancerTypeEnum type, List<Network.SubnetInfo> subnets) {
    Set<String> zones = new HashSet<>();
    String vpcId = subnets.getFirst().vpcId();
    for (Network.SubnetInfo s : subnets) {
      if (!s.vpcId().equals(vpcId)) {
        throw ElbErrors.invalidConfiguration("The subnets must all belong to the same VPC");
      }
      if (!zones.add(s.availabilityZone())) {
        throw ElbErrors.invalidConfiguration(
            "A load balancer cannot be attached to multiple subnets in the same Availability Zone");
      }
    }
    if (type == LoadBalancerTypeEnum.APPLICATION && zones.size() < 2) {
      throw ElbErrors.validation("At least two subnets in two different Availability Zones must be specified");
    }
    return new SubnetPlan(vpcId, subnets);
  }

  private static Network.SubnetInfo lookup(Network network, Scope scope, String subnetId) {
    try {
      return network.subnet(scope, subnetId);
    } catch (AwsException e) {
      throw ElbErrors.code("SubnetNotFound", "The subnet ID '" + subnetId + "' is not valid");
    }
  }

  List<String> subnetIds() {
    return subnets.stream().map(Network.SubnetInfo::subnetId).toList();
  }

  /** Security groups checked to exist and to belong to the plan's VPC. */
  static List<String> checkGroups(Network network, Scope scope, String vpcId, List<String> groupIds) {
    for (String id : groupIds) {
      Network.SecurityGroupInfo group;
      try {
        group = network.securityGroup(scope, id);
      } catch (AwsException e) {
        throw ElbErrors.code("InvalidSecurityGroup", "One or more security groups are invalid: '" + id + "'");
      }
      if (!group.vpcId().equals(vpcId)) {
        throw ElbErrors.code("InvalidSecurityGroup", "Security group '" + id + "' does not belong to VPC '" + vpcId + "'");
      }
    }
    return List.copyOf(new java.util.LinkedHashSet<>(groupIds));
  }
}
