package dev.privatelink.control.ec2.instance;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.eni.InterfaceFactory;
import dev.privatelink.control.ec2.subnet.SubnetRecord;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;

/**
 * Where RunInstances puts an instance: the subnet (from SubnetId or the primary
 * NetworkInterfaces entry, else the default VPC's default subnet), its security groups (by id, or
 * by name in the default VPC), whether it gets a public address, and the
 * private address asked for, if any.
 */
record LaunchNetwork(SubnetRecord subnet, List<String> groupIds, boolean publicIp, String privateIp, String description) {

  static LaunchNetwork of(Ec2State state, Scope scope, RunInstancesRequest r) {
    InstanceNetworkInterfaceSpecification primary = primary(r);
    if (primary != null && r.subnetId() != null) {
      throw AwsException.invalidParameterCombination(
          "Network interfaces and an instance-level subnet ID may not be specified on the same request");
    }
    String subnetId = primary != null ? primary.subnetId() : r.subnetId();
    boolean byName = r.hasSecurityGroups() && !r.securityGroups().isEmpty();
    if (subnetId != null && byName) {
      throw AwsException.invalidParameterCombination("The parameter groupName cannot be used with the parameter subnet");
    }
    SubnetRecord subnet = subnetId != null ? state.subnet(scope, subnetId) : DefaultPlacement.subnet(state, scope, r);
    List<String> wanted = primary != null && primary.hasGroups() ? primary.groups() : r.securityGroupIds();
    if (byName) {
      wanted = java.util.stream.Stream.concat(wanted.stream(),
          DefaultPlacement.groupsByName(state, scope, subnet.vpcId(), r.securityGroups()).stream()).toList();
    }
    for (String id : wanted) {
      var group = state.securityGroups().find(scope, id).orElseThrow(() -> Ec2Errors.groupNotFound(id));
      if (!group.vpcId().equals(subnet.vpcId())) {
        throw AwsException.badRequest("InvalidGroup.NotFound",
            "The security group '" + id + "' does not exist in VPC '" + subnet.vpcId() + "'");
      }
    }
    List<String> groups = new InterfaceFactory(state).groups(scope, subnet, wanted);
    boolean publicIp = primary != null && primary.associatePublicIpAddress() != null
        ? primary.associatePublicIpAddress() : subnet.mapPublicIpOnLaunch();
    String privateIp = primary != null && primary.privateIpAddress() != null ? primary.privateIpAddress() : r.privateIpAddress();
    return new LaunchNetwork(subnet, groups, publicIp, privateIp, primary == null ? "" : primary.description());
  }

  private static @Nullable InstanceNetworkInterfaceSpecification primary(RunInstancesRequest r) {
    if (!r.hasNetworkInterfaces() || r.networkInterfaces().isEmpty()) {
      return null;
    }
    if (r.networkInterfaces().size() > 1) {
      throw AwsException.invalidParameterValue("Only one network interface (device index 0) is supported");
    }
    InstanceNetworkInterfaceSpecification spec = r.networkInterfaces().get(0);
    if (spec.networkInterfaceId() != null) {
      throw AwsException.invalidParameterValue("Launching into an existing network interface is not supported");
    }
    if (spec.deviceIndex() != null && spec.deviceIndex() != 0) {
      throw AwsException.invalidParameterValue("Each network interface requires a device index 0 for the primary interface");
    }
    return spec;
  }
}
