package dev.privatelink.dataplane.netns;

/**
 * Names of the host objects the data plane makes. Every one starts with {@link #PREFIX} (or
 * {@link #NFT_PREFIX} for nftables tables) so that a reaper can find what a crashed run left.
 */
public final class HostNames {
  public static final String PREFIX = "pl-";
  public static final String NFT_PREFIX = "pl_";

  private HostNames() {}

  /** The namespace acting as a VPC's router, e.g. {@code pl-vpc-0abc…}. */
  public static String vpcNamespace(String vpcId) {
    return PREFIX + vpcId;
  }

  /** The namespace of one instance, e.g. {@code pl-i-0abc…}. */
  public static String instanceNamespace(String instanceId) {
    return PREFIX + instanceId;
  }
}
