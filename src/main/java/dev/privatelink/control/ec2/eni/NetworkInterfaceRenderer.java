package dev.privatelink.control.ec2.eni;

import dev.privatelink.control.InterfaceOwner;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Names;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.query.Filters;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAttachment;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;

/** Turns stored interfaces into the SDK's {@link NetworkInterface} and declares DescribeNetworkInterfaces' filters. */
public final class NetworkInterfaceRenderer {
  private final Ec2State state;

  public NetworkInterfaceRenderer(Ec2State state) {
    this.state = state;
  }

  public List<GroupIdentifier> groups(Scope scope, List<String> groupIds) {
    return groupIds.stream().map(id -> GroupIdentifier.builder().groupId(id)
        .groupName(state.securityGroups().find(scope, id).map(g -> g.groupName()).orElse(null)).build()).toList();
  }

  public NetworkInterface render(Scope scope, NetworkInterfaceRecord e) {
    String dns = Ec2Names.privateDnsName(scope.region(), e.privateIp());
    NetworkInterfaceAssociation association = e.publicIp() == null ? null : NetworkInterfaceAssociation.builder()
        .publicIp(e.publicIp()).publicDnsName(publicDns(scope, e)).ipOwnerId("amazon").build();
    return NetworkInterface.builder()
        .networkInterfaceId(e.networkInterfaceId()).subnetId(e.subnetId()).vpcId(e.vpcId())
        .availabilityZone(e.availabilityZone()).availabilityZoneId(e.availabilityZoneId()).ownerId(e.ownerId())
        .privateIpAddress(e.privateIp()).privateDnsName(dns)
        .privateIpAddresses(NetworkInterfacePrivateIpAddress.builder().primary(true).privateIpAddress(e.privateIp())
            .privateDnsName(dns).association(association).build())
        .groups(groups(scope, e.groupIds())).description(e.description()).interfaceType(e.interfaceType())
        .requesterManaged(e.requesterManaged()).requesterId(e.requesterId()).macAddress(e.macAddress())
        .status(e.status()).sourceDestCheck(sourceDestCheck(scope, e)).association(association).ipv6Addresses(List.of())
        .attachment(attachment(e))
        .tagSet(state.tagList(scope, e.networkInterfaceId()))
        .build();
  }

  /**
   * The interface's attachment. A requester-managed interface is attached to its service, as AWS
   * shows it: owner {@code amazon-elb} for a load balancer's, {@code amazon-aws} for others (VPC
   * endpoints), device index 1, no instance; Terraform finds a load balancer's interfaces by that owner.
   */
  static @Nullable NetworkInterfaceAttachment attachment(NetworkInterfaceRecord e) {
    var a = e.attachment();
    if (a != null) {
      return NetworkInterfaceAttachment.builder().attachmentId(a.attachmentId()).instanceId(a.instanceId())
          .instanceOwnerId(e.ownerId()).deviceIndex(a.deviceIndex()).networkCardIndex(0).status("attached")
          .attachTime(a.attachTime()).deleteOnTermination(a.deleteOnTermination()).build();
    }
    String owner = switch (e.owner()) {
      case InterfaceOwner.LoadBalancerNode n -> "amazon-elb";
      case InterfaceOwner.VpcEndpoint v -> "amazon-aws";
      case InterfaceOwner.Instance i -> null;
      case InterfaceOwner.Unattached u -> null;
    };
    if (owner == null) {
      return null;
    }
    return NetworkInterfaceAttachment.builder()
        .attachmentId("ela-attach-" + e.networkInterfaceId().substring(e.networkInterfaceId().indexOf('-') + 1))
        .instanceOwnerId(owner).deviceIndex(1).networkCardIndex(0).status("attached").deleteOnTermination(false).build();
  }

  private static <T> @Nullable T ofAttachment(NetworkInterfaceRecord e, java.util.function.Function<NetworkInterfaceAttachment, T> part) {
    NetworkInterfaceAttachment a = attachment(e);
    return a == null ? null : part.apply(a);
  }

  /** An instance's interface checks source and destination as the instance's attribute says. */
  private boolean sourceDestCheck(Scope scope, NetworkInterfaceRecord e) {
    return e.attachment() == null || state.instances().find(scope, e.attachment().instanceId())
        .map(i -> i.launch().options().sourceDestCheck()).orElse(true);
  }

  /** The public DNS name AWS gives only in VPCs with DNS hostnames enabled. */
  public String publicDns(Scope scope, NetworkInterfaceRecord e) {
    boolean hostnames = state.vpcs().find(scope, e.vpcId()).map(v -> v.enableDnsHostnames()).orElse(false);
    return e.publicIp() != null && hostnames ? Ec2Names.publicDnsName(scope.region(), e.publicIp()) : "";
  }

  Filters<NetworkInterfaceRecord> filters(Scope scope) {
    return Filters.<NetworkInterfaceRecord>of(e -> state.tagMap(scope, e.networkInterfaceId()))
        .one("network-interface-id", NetworkInterfaceRecord::networkInterfaceId)
        .one("vpc-id", NetworkInterfaceRecord::vpcId)
        .one("subnet-id", NetworkInterfaceRecord::subnetId)
        .many("group-id", NetworkInterfaceRecord::groupIds)
        .many("group-name", e -> groups(scope, e.groupIds()).stream().map(GroupIdentifier::groupName).toList())
        .one("description", NetworkInterfaceRecord::description)
        .one("interface-type", NetworkInterfaceRecord::interfaceType)
        .one("requester-managed", NetworkInterfaceRecord::requesterManaged)
        .one("requester-id", NetworkInterfaceRecord::requesterId)
        .one("private-ip-address", NetworkInterfaceRecord::privateIp)
        .one("addresses.private-ip-address", NetworkInterfaceRecord::privateIp)
        .one("addresses.primary", e -> true)
        .one("private-dns-name", e -> Ec2Names.privateDnsName(scope.region(), e.privateIp()))
        .one("association.public-ip", NetworkInterfaceRecord::publicIp)
        .one("attachment.instance-id", e -> ofAttachment(e, NetworkInterfaceAttachment::instanceId))
        .one("attachment.attachment-id", e -> ofAttachment(e, NetworkInterfaceAttachment::attachmentId))
        .one("attachment.device-index", e -> ofAttachment(e, NetworkInterfaceAttachment::deviceIndex))
        .one("attachment.status", e -> ofAttachment(e, NetworkInterfaceAttachment::statusAsString))
        .one("attachment.instance-owner-id", e -> ofAttachment(e, NetworkInterfaceAttachment::instanceOwnerId))
        .one("attachment.delete-on-termination", e -> ofAttachment(e, NetworkInterfaceAttachment::deleteOnTermination))
        .one("status", NetworkInterfaceRecord::status)
        .one("availability-zone", NetworkInterfaceRecord::availabilityZone)
        .one("mac-address", NetworkInterfaceRecord::macAddress)
        .one("owner-id", NetworkInterfaceRecord::ownerId)
        .one("source-dest-check", e -> sourceDestCheck(scope, e))
        .build();
  }
}
