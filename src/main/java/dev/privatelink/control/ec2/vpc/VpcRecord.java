package dev.privatelink.control.ec2.vpc;

import dev.privatelink.model.Cidr;
import software.amazon.awssdk.services.ec2.model.VpcState;

/**
 * A VPC as stored: its primary CIDR, state (pending until the host has its namespace, then
 * {@code available}), DNS attributes, and the ids of what AWS makes with it (the default security
 * group, the main route table and the default network ACL).
 *
 * @param dhcpOptionsId the associated DHCP options set, or {@code default} for none
 * @param isDefault whether this is the account's default VPC of the region
 */
public record VpcRecord(
    String vpcId,
    String ownerId,
    Cidr cidr,
    String cidrAssociationId,
    VpcState state,
    String dhcpOptionsId,
    String instanceTenancy,
    boolean enableDnsSupport,
    boolean enableDnsHostnames,
    boolean enableNetworkAddressUsageMetrics,
    String defaultGroupId,
    String mainRouteTableId,
    String defaultNetworkAclId,
    boolean isDefault) {

  public VpcRecord withState(VpcState newState) {
    return new VpcRecord(vpcId, ownerId, cidr, cidrAssociationId, newState, dhcpOptionsId, instanceTenancy,
        enableDnsSupport, enableDnsHostnames, enableNetworkAddressUsageMetrics, defaultGroupId, mainRouteTableId,
        defaultNetworkAclId, isDefault);
  }

  public VpcRecord withAttributes(boolean dnsSupport, boolean dnsHostnames, boolean addressUsageMetrics) {
    return new VpcRecord(vpcId, ownerId, cidr, cidrAssociationId, state, dhcpOptionsId, instanceTenancy,
        dnsSupport, dnsHostnames, addressUsageMetrics, defaultGroupId, mainRouteTableId, defaultNetworkAclId, isDefault);
  }

  /** The VPC associated with another DHCP options set ({@code default} for none). */
  public VpcRecord withDhcpOptions(String optionsId) {
    return new VpcRecord(vpcId, ownerId, cidr, cidrAssociationId, state, optionsId, instanceTenancy, enableDnsSupport,
        enableDnsHostnames, enableNetworkAddressUsageMetrics, defaultGroupId, mainRouteTableId, defaultNetworkAclId,
        isDefault);
  }
}
