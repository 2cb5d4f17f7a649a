package dev.privatelink.control.ec2.vpc;

import dev.privatelink.model.Cidr;
import org.jspecify.annotations.Nullable;

/**
 * A CIDR block associated with a VPC after its creation: a secondary IPv4 block, or an
 * Amazon-provided IPv6 /56 (a record only: IPv6 carries no traffic here).
 *
 * @param ipv4 the IPv4 block, or null for an IPv6 one
 * @param ipv6 the IPv6 block in AWS's text form, or null for an IPv4 one
 */
public record VpcCidrAssociation(String associationId, String vpcId, @Nullable Cidr ipv4, @Nullable String ipv6,
    @Nullable String networkBorderGroup) {
  public boolean isIpv6() {
    return ipv6 != null;
  }
}
