package dev.privatelink.control.ec2.instance;

import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.query.Filters;
import java.util.List;

/** The filters of DescribeInstances, over stored instances. */
final class InstanceFilters {
  private InstanceFilters() {}

  static Filters<InstanceRecord> of(Ec2State state, Scope scope) {
    return Filters.<InstanceRecord>of(i -> state.tagMap(scope, i.instanceId()))
        .one("instance-id", InstanceRecord::instanceId)
        .one("instance-state-name", InstanceRecord::state)
        .one("instance-state-code", i -> InstanceRecord.stateCode(i.state()))
        .one("vpc-id", i -> i.isLive() ? i.launch().vpcId() : null)
        .one("subnet-id", i -> i.isLive() ? i.launch().subnetId() : null)
        .one("private-ip-address", i -> i.isLive() ? i.launch().privateIp() : null)
        .one("network-interface.addresses.private-ip-address", i -> i.isLive() ? i.launch().privateIp() : null)
        .one("private-dns-name", i -> i.launch().privateDnsName())
        .one("ip-address", InstanceRecord::publicIp)
        .one("instance-type", i -> i.launch().instanceType())
        .one("image-id", i -> i.launch().imageId())
        .one("key-name", i -> i.launch().keyName())
        .one("availability-zone", i -> i.launch().availabilityZone())
        .one("reservation-id", i -> i.launch().reservationId())
        .one("owner-id", i -> i.launch().ownerId())
        .one("architecture", i -> i.launch().architecture())
        .one("launch-index", i -> i.launch().amiLaunchIndex())
        .one("client-token", i -> i.launch().clientToken())
        .one("network-interface.network-interface-id", i -> i.isLive() ? i.launch().networkInterfaceId() : null)
        .many("instance.group-id", i -> i.isLive() ? groups(state, scope, i) : List.of())
        .many("group-id", i -> i.isLive() ? groups(state, scope, i) : List.of())
        .many("instance.group-name", i -> i.isLive() ? groupNames(state, scope, i) : List.of())
        .many("group-name", i -> i.isLive() ? groupNames(state, scope, i) : List.of())
        .one("root-device-type", i -> "ebs")
        .one("virtualization-type", i -> "hvm")
        .one("tenancy", i -> "default")
        .one("hypervisor", i -> "xen")
        .build();
  }

  private static List<String> groups(Ec2State state, Scope scope, InstanceRecord i) {
    return state.networkInterfaces().find(scope, i.launch().networkInterfaceId()).map(e -> e.groupIds())
        .orElse(i.launch().groupIds());
  }

  private static List<String> groupNames(Ec2State state, Scope scope, InstanceRecord i) {
    return groups(state, scope, i).stream()
        .map(id -> state.securityGroups().find(scope, id).map(g -> g.groupName()).orElse(id)).toList();
  }
}
