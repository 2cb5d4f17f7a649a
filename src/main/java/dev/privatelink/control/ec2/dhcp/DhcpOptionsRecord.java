package dev.privatelink.control.ec2.dhcp;

import java.util.List;

/**
 * A DHCP options set as stored: its options in the order they were given, each key with its
 * values. Immutable: AWS has no action that changes a set, only ones that replace the association.
 */
public record DhcpOptionsRecord(String dhcpOptionsId, String ownerId, List<Option> options) {
  public DhcpOptionsRecord {
    options = List.copyOf(options);
  }

  /** One option: {@code domain-name}, {@code domain-name-servers}, {@code ntp-servers}, … with its values. */
  public record Option(String key, List<String> values) {
    public Option {
      values = List.copyOf(values);
    }
  }

  /**
   * The set AWS makes with every account's default VPC: the region's internal domain
   * ({@code ec2.internal} in us-east-1, {@code <region>.compute.internal} elsewhere) and the
   * Amazon-provided resolver.
   */
  public static DhcpOptionsRecord amazonDefault(String id, String ownerId, String region) {
    String domain = region.equals("us-east-1") ? "ec2.internal" : region + ".compute.internal";
    return new DhcpOptionsRecord(id, ownerId, List.of(new Option("domain-name", List.of(domain)),
        new Option("domain-name-servers", List.of("AmazonProvidedDNS"))));
  }
}
