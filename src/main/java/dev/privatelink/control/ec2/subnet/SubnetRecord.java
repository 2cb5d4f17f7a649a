package dev.privatelink.control.ec2.subnet;

import dev.privatelink.model.Cidr;
import software.amazon.awssdk.services.ec2.model.SubnetState;

/**
 * A subnet as stored: its CIDR inside the VPC's, its availability zone, state ({@code pending}
 * until the host has it, then {@code available}) and launch settings.
 *
 * @param networkAclAssociationId the id of its association with the VPC's default network ACL
 * @param hostnameType {@code ip-name} or {@code resource-name}
 * @param defaultForAz whether this is the default subnet of its zone in the default VPC
 */
public record SubnetRecord(
    String subnetId,
    String vpcId,
    String ownerId,
    Cidr cidr,
    String availabilityZone,
    String availabilityZoneId,
    SubnetState state,
    boolean mapPublicIpOnLaunch,
    String networkAclAssociationId,
    String hostnameType,
    boolean enableResourceNameDnsARecord,
    boolean defaultForAz) {

  public SubnetRecord withState(SubnetState newState) {
    return new SubnetRecord(subnetId, vpcId, ownerId, cidr, availabilityZone, availabilityZoneId, newState,
        mapPublicIpOnLaunch, networkAclAssociationId, hostnameType, enableResourceNameDnsARecord, defaultForAz);
  }

  public SubnetRecord withLaunchSettings(boolean mapPublicIp, String hostname, boolean dnsARecord) {
    return new SubnetRecord(subnetId, vpcId, ownerId, cidr, availabilityZone, availabilityZoneId, state,
        mapPublicIp, networkAclAssociationId, hostname, dnsARecord, defaultForAz);
  }
}
