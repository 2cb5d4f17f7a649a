package dev.privatelink.control.ec2.eni;

import dev.privatelink.control.InterfaceOwner;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A network interface: one private IPv4 address of a subnet, its security groups, and who owns it
 * (an instance through its attachment, or a service for requester-managed interfaces).
 *
 * @param interfaceType AWS's InterfaceType: {@code interface}, {@code vpc_endpoint}, {@code network_load_balancer} …
 * @param publicIp the public address associated with it, or null
 * @param owner who it belongs to, fixed when it was made
 */
public record NetworkInterfaceRecord(
    String networkInterfaceId,
    String subnetId,
    String vpcId,
    String availabilityZone,
    String availabilityZoneId,
    String ownerId,
    String privateIp,
    List<String> groupIds,
    String description,
    String interfaceType,
    boolean requesterManaged,
    @Nullable String requesterId,
    String macAddress,
    @Nullable Attachment attachment,
    @Nullable String publicIp,
    InterfaceOwner owner) {
  public NetworkInterfaceRecord {
    groupIds = List.copyOf(groupIds);
  }

  /** The attachment of an interface to an instance. */
  public record Attachment(String attachmentId, String instanceId, int deviceIndex, Instant attachTime,
      boolean deleteOnTermination) {}

  public String status() {
    return attachment != null || requesterManaged ? "in-use" : "available";
  }

  public NetworkInterfaceRecord withGroups(List<String> groups) {
    return new NetworkInterfaceRecord(networkInterfaceId, subnetId, vpcId, availabilityZone, availabilityZoneId, ownerId,
        privateIp, groups, description, interfaceType, requesterManaged, requesterId, macAddress, attachment, publicIp, owner);
  }

  public NetworkInterfaceRecord withPublicIp(@Nullable String ip) {
    return new NetworkInterfaceRecord(networkInterfaceId, subnetId, vpcId, availabilityZone, availabilityZoneId, ownerId,
        privateIp, groupIds, description, interfaceType, requesterManaged, requesterId, macAddress, attachment, ip, owner);
  }

  public NetworkInterfaceRecord withDescription(String text) {
    return new NetworkInterfaceRecord(networkInterfaceId, subnetId, vpcId, availabilityZone, availabilityZoneId, ownerId,
        privateIp, groupIds, text, interfaceType, requesterManaged, requesterId, macAddress, attachment, publicIp, owner);
  }
}
