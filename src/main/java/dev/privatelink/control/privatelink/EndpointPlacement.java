package dev.privatelink.control.privatelink;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.InterfaceOwner;
import dev.privatelink.control.Network;
import dev.privatelink.control.Network.SecurityGroupInfo;
import dev.privatelink.control.Network.SubnetInfo;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.privatelink.Endpoint.EndpointInterface;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;

/**
 * Where an endpoint's network interfaces go: subnets of the endpoint's VPC, at most one per zone,
 * in zones the service is offered in; security groups of the same VPC (its default group if none).
 */
final class EndpointPlacement {
  static final String INTERFACE_TYPE = "vpc_endpoint";

  private EndpointPlacement() {}

  /**
   * The subnets to add, validated.
   *
   * @param zonesInUse zones where the endpoint already has an interface
   */
  static List<SubnetInfo> subnets(Network network, Scope scope, String vpcId, List<String> subnetIds,
      EndpointService service, Set<String> zonesInUse) {
    Set<String> zones = new HashSet<>(zonesInUse);
    List<SubnetInfo> out = new ArrayList<>();
    for (String id : Requests.distinct(subnetIds)) {
      SubnetInfo subnet = network.subnet(scope, id);
      if (!subnet.vpcId().equals(vpcId)) {
        throw Errors.invalidParameter("The subnet ID '" + id + "' does not belong to the VPC '" + vpcId + "'.");
      }
      if (!service.config().availabilityZones().contains(subnet.availabilityZone())) {
        throw Errors.invalidParameter("The VPC endpoint service " + service.name()
            + " does not support the availability zone of the subnet: " + id + ".");
      }
      if (!zones.add(subnet.availabilityZone())) {
        throw AwsException.badRequest("DuplicateSubnetsInSameZone", "Found another VPC endpoint subnet in the "
            + "availability zone of " + id + ". VPC endpoint subnets should be in different availability zones "
            + "supported by the VPC endpoint service.");
      }
      out.add(subnet);
    }
    return out;
  }

  /** The security groups, validated; the VPC's default group when none is given. */
  static List<SecurityGroupIdentifier> groups(Network network, Scope scope, String vpcId, List<String> groupIds) {
    List<String> ids = groupIds == null || groupIds.isEmpty()
        ? List.of(network.defaultSecurityGroupId(scope, vpcId)) : Requests.distinct(groupIds);
    return ids.stream().map(id -> identifier(network.securityGroup(scope, id), vpcId)).toList();
  }

  private static SecurityGroupIdentifier identifier(SecurityGroupInfo group, String vpcId) {
    if (!group.vpcId().equals(vpcId)) {
      throw Errors.invalidParameter("The security group '" + group.groupId() + "' does not belong to the VPC '"
          + vpcId + "'.");
    }
    return SecurityGroupIdentifier.builder().groupId(group.groupId()).groupName(group.groupName()).build();
  }

  /**
   * Makes one interface per subnet. If the network cannot (a subnet is full), the interfaces already
   * made are deleted again before the error goes on, so the failed call changes nothing.
   */
  static List<EndpointInterface> createInterfaces(RequestContext ctx, Network network, List<SubnetInfo> subnets,
      List<String> groupIds, String endpointId, String requesterId) {
    List<EndpointInterface> made = new ArrayList<>();
    try {
      for (SubnetInfo subnet : subnets) {
        var eni = network.createManagedInterface(ctx, new Network.ManagedInterface(subnet.subnetId(), groupIds,
            INTERFACE_TYPE, "VPC Endpoint Interface " + endpointId, requesterId, new InterfaceOwner.VpcEndpoint(endpointId)));
        made.add(new EndpointInterface(eni.networkInterfaceId(), eni.subnetId(), eni.privateIp(), eni.availabilityZone()));
      }
    } catch (RuntimeException e) {
      made.forEach(eni -> network.deleteManagedInterface(ctx.scope(), eni.networkInterfaceId()));
      throw e;
    }
    return made;
  }
}
