package dev.privatelink.control.ec2.instance;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.region.RegionCatalog;
import dev.privatelink.control.ec2.securitygroup.SecurityGroupRecord;
import dev.privatelink.control.ec2.subnet.SubnetRecord;
import dev.privatelink.control.ec2.vpc.VpcRecord;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;

/**
 * Where <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html">RunInstances</a>
 * puts an instance given no subnet, as AWS does: the default VPC's default subnet of the zone
 * asked for in Placement, or of the first zone that has one; and the groups it names by
 * GroupName, which AWS looks up in the default VPC.
 */
final class DefaultPlacement {
  private DefaultPlacement() {}

  static SubnetRecord subnet(Ec2State state, Scope scope, RunInstancesRequest r) {
    VpcRecord vpc = state.defaultVpc(scope).orElseThrow(Ec2Errors::noDefaultVpc);
    String zone = r.placement() == null ? null : r.placement().availabilityZone();
    if (zone != null && RegionCatalog.zoneByName(scope.region(), zone).isEmpty()) {
      throw AwsException.invalidParameterValue("Invalid availability zone: [" + zone + "]");
    }
    return state.subnets().where(scope, s -> s.vpcId().equals(vpc.vpcId()) && s.defaultForAz()
            && (zone == null || s.availabilityZone().equals(zone))).stream()
        .min(Comparator.comparing(SubnetRecord::availabilityZone))
        .orElseThrow(() -> AwsException.badRequest("MissingInput", zone != null
            ? "No default subnet for availability zone: '" + zone + "'."
            : "No subnets found for the default VPC '" + vpc.vpcId() + "'. Please specify a subnet."));
  }

  /** The ids of groups named in the default VPC; a name found elsewhere does not count, as in AWS. */
  static List<String> groupsByName(Ec2State state, Scope scope, String vpcId, List<String> names) {
    return names.stream().map(name -> state.securityGroups()
        .where(scope, g -> g.vpcId().equals(vpcId) && g.groupName().equals(name)).stream().findFirst()
        .map(SecurityGroupRecord::groupId)
        .orElseThrow(() -> AwsException.badRequest("InvalidGroup.NotFound",
            "The security group '" + name + "' does not exist in default VPC '" + vpcId + "'")))
        .toList();
  }
}
