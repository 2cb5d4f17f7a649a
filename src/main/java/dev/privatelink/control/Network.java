package dev.privatelink.control;

import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * What the load balancer and PrivateLink features need of the EC2 network: look-ups that throw
 * AWS's NotFound errors, and the requester-managed interfaces (ENIs) those services own. The EC2
 * feature implements it. Methods are called with the cloud's write or read lock held.
 */
public interface Network {
  /** Throws {@code InvalidVpcID.NotFound}. */
  VpcInfo vpc(Scope scope, String vpcId);

  /** Throws {@code InvalidSubnetID.NotFound}. */
  SubnetInfo subnet(Scope scope, String subnetId);

  /** Throws {@code InvalidGroup.NotFound}. */
  SecurityGroupInfo securityGroup(Scope scope, String groupId);

  /** The id of the VPC's {@code default} security group. */
  String defaultSecurityGroupId(Scope scope, String vpcId);

  /** Throws {@code InvalidInstanceID.NotFound}. */
  InstanceInfo instance(Scope scope, String instanceId);

  /** The availability zones of a region, in order (e.g. us-east-1a … us-east-1f). */
  List<ZoneInfo> availabilityZones(String region);

  /**
   * Creates an ENI owned by a service (load balancer node, endpoint interface) with the next free
   * address of the subnet. Throws {@code InsufficientFreeAddressesInSubnet} when the subnet is full.
   */
  InterfaceInfo createManagedInterface(RequestContext ctx, ManagedInterface request);

  /** Changes a managed ENI's security groups. */
  void setInterfaceGroups(Scope scope, String eniId, List<String> groupIds);

  /** Deletes a managed ENI; no-op if it is gone. */
  void deleteManagedInterface(Scope scope, String eniId);

  /**
   * Throws {@code InvalidRouteTableID.NotFound}. (The default is a network without route tables,
   * as the in-memory networks of tests are.)
   */
  default RouteTableInfo routeTable(Scope scope, String routeTableId) {
    throw AwsException.badRequest("InvalidRouteTableID.NotFound", "The routeTable ID '" + routeTableId + "' does not exist");
  }

  /**
   * Adds a gateway endpoint's route to a route table: destination the service's prefix list,
   * target the endpoint. Throws {@code RouteAlreadyExists} if the table has a route to that list.
   */
  default void addEndpointRoute(Scope scope, String routeTableId, String prefixListId, String endpointId) {
    routeTable(scope, routeTableId);
  }

  /** Removes a gateway endpoint's routes from a route table; no-op if the table or route is gone. */
  default void removeEndpointRoutes(Scope scope, String routeTableId, String endpointId) {}

  /** A route table as other features see it. */
  record RouteTableInfo(String routeTableId, String vpcId) {}

  /** A VPC as other features see it. */
  record VpcInfo(String vpcId, String cidr, boolean enableDnsSupport, boolean enableDnsHostnames) {}

  /** A subnet as other features see it. */
  record SubnetInfo(String subnetId, String vpcId, String cidr, String availabilityZone, String availabilityZoneId) {}

  /** A security group as other features see it. */
  record SecurityGroupInfo(String groupId, String groupName, String vpcId) {}

  /** An instance as other features see it. */
  record InstanceInfo(String instanceId, String vpcId, String subnetId, String privateIp, String availabilityZone,
      InstanceStateName state) {
    /** With the state as AWS names it (pending, running, …); an unknown name is a programming error. */
    public InstanceInfo(String instanceId, String vpcId, String subnetId, String privateIp, String availabilityZone,
        String state) {
      this(instanceId, vpcId, subnetId, privateIp, availabilityZone, known(InstanceStateName.fromValue(state)));
    }

    private static InstanceStateName known(InstanceStateName state) {
      if (state == null || state == InstanceStateName.UNKNOWN_TO_SDK_VERSION) {
        throw new IllegalStateException("unknown instance state");
      }
      return state;
    }
  }

  /** An availability zone: name (us-east-1a) and zone id (use1-az6). */
  record ZoneInfo(String zoneName, String zoneId) {}

  /** A managed ENI as created. */
  record InterfaceInfo(String networkInterfaceId, String privateIp, String subnetId, String availabilityZone) {}

  /**
   * What a service asks for when it needs an ENI.
   *
   * @param interfaceType AWS's InterfaceType, e.g. {@code vpc_endpoint} or {@code network_load_balancer}
   * @param requesterId who manages it, e.g. {@code amazon-elb} or the endpoint's principal
   */
  record ManagedInterface(String subnetId, List<String> groupIds, String interfaceType, String description,
      @Nullable String requesterId, InterfaceOwner owner) {}
}
