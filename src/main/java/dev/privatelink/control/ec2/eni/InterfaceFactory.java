package dev.privatelink.control.ec2.eni;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.InterfaceOwner;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.subnet.SubnetRecord;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks the security groups of a new interface and makes its record: used by
 * CreateNetworkInterface, RunInstances and the managed interfaces of other services.
 */
public final class InterfaceFactory {
  private final Ec2State state;

  public InterfaceFactory(Ec2State state) {
    this.state = state;
  }

  /** The groups to use: the given ones (each must exist in the subnet's VPC) or the VPC's default group. */
  public List<String> groups(Scope scope, SubnetRecord subnet, List<String> groupIds) {
    if (groupIds == null || groupIds.isEmpty()) {
      return List.of(state.vpc(scope, subnet.vpcId()).defaultGroupId());
    }
    for (String id : groupIds) {
      var group = state.securityGroups().find(scope, id).orElseThrow(() -> Ec2Errors.groupNotFound(id));
      if (!group.vpcId().equals(subnet.vpcId())) {
        throw AwsException.invalidParameterValue("Security group " + id + " and subnet " + subnet.subnetId()
            + " belong to different networks.");
      }
    }
    return List.copyOf(groupIds.stream().distinct().toList());
  }

  /**
   * The groups of a requester-managed interface: exactly those its service asks for, none
   * included (a network load balancer without security groups has ENIs without any).
   */
  public List<String> managedGroups(Scope scope, SubnetRecord subnet, List<String> groupIds) {
    return groupIds == null || groupIds.isEmpty() ? List.of() : groups(scope, subnet, groupIds);
  }

  /**
   * A new interface record (not stored), owned by {@code owner}, or by nobody but the account
   * when {@code owner} is null.
   *
   * @param attachment the instance attachment, or null
   */
  public NetworkInterfaceRecord create(RequestContext ctx, SubnetRecord subnet, String ip, List<String> groups,
      String description, String interfaceType, @Nullable String requesterId,
      NetworkInterfaceRecord.@Nullable Attachment attachment, @Nullable InterfaceOwner owner) {
    String eniId = ctx.ids().ec2Id("eni");
    return create(ctx, eniId, subnet, ip, groups, description, interfaceType, requesterId, attachment,
        owner == null ? new InterfaceOwner.Unattached(eniId) : owner);
  }

  /** A new interface record with an id chosen beforehand (an instance records its interface's id). */
  public NetworkInterfaceRecord create(RequestContext ctx, String eniId, SubnetRecord subnet, String ip, List<String> groups,
      String description, String interfaceType, @Nullable String requesterId,
      NetworkInterfaceRecord.@Nullable Attachment attachment, InterfaceOwner owner) {
    String mac = "0e:" + String.join(":", ctx.ids().hex(2), ctx.ids().hex(2), ctx.ids().hex(2), ctx.ids().hex(2),
        ctx.ids().hex(2));
    return new NetworkInterfaceRecord(eniId, subnet.subnetId(), subnet.vpcId(), subnet.availabilityZone(),
        subnet.availabilityZoneId(), ctx.accountId(), ip, groups, description == null ? "" : description, interfaceType,
        requesterId != null, requesterId, mac, attachment, null, owner);
  }
}
