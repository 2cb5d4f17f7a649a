package dev.privatelink.control.privatelink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.DnsEntry;

/**
 * The DNS names of endpoint services and interface endpoints, and the Route 53 hosted zones AWS
 * publishes them in ({@code vpce.amazonaws.com}, one zone id per region).
 */
final class EndpointDns {
  /** AWS's hosted zone ids for {@code <region>.vpce.amazonaws.com}. */
  private static final Map<String, String> VPCE_ZONES = Map.ofEntries(
      Map.entry("us-east-1", "Z7HUB22UULQXV"), Map.entry("us-east-2", "ZC8PG0KIFKBRI"),
      Map.entry("us-west-1", "Z12I86A8N7VCZO"), Map.entry("us-west-2", "Z1YSA3EXCYUU9Z"),
      Map.entry("ca-central-1", "Z2HMD10NBIF5W2"), Map.entry("sa-east-1", "Z2LXBAVBPV7J4E"),
      Map.entry("eu-west-1", "Z38GZ743OKFT7T"), Map.entry("eu-west-2", "Z3KFUIYYZ6SYM2"),
      Map.entry("eu-west-3", "Z1DWHTMFP0WECP"), Map.entry("eu-central-1", "Z273ZU8SZ5RJPC"),
      Map.entry("eu-north-1", "Z3OWWK6JFDEDGC"), Map.entry("ap-south-1", "Z2KVTB3ZLFM7JR"),
      Map.entry("ap-northeast-1", "Z2E726K9Y6RL4W"), Map.entry("ap-northeast-2", "Z27UANNT0PRK1T"),
      Map.entry("ap-southeast-1", "Z18LLCSTV4NVNL"), Map.entry("ap-southeast-2", "ZDK2GCRPAFKGO"));

  private EndpointDns() {}

  static String serviceName(String region, String serviceId) {
    return "com.amazonaws.vpce." + region + "." + serviceId;
  }

  static String serviceBaseName(String region, String serviceId) {
    return serviceId + "." + region + ".vpce.amazonaws.com";
  }

  /** The zone id of the region; regions missing from the table share us-east-1's. */
  static String hostedZoneId(String region) {
    return VPCE_ZONES.getOrDefault(region, VPCE_ZONES.get("us-east-1"));
  }

  static String regionalName(Endpoint e, String serviceBase) {
    return e.id() + "-" + e.dnsLabel() + "." + serviceBase;
  }

  static String zonalName(Endpoint e, String serviceBase, String availabilityZone) {
    return e.id() + "-" + e.dnsLabel() + "-" + availabilityZone + "." + serviceBase;
  }

  /**
   * The endpoint's DNS entries as AWS lists them: the regional name, one zonal name per ENI zone,
   * then the service's private DNS name when the endpoint enables it and the name is verified.
   */
  static List<DnsEntry> entries(Endpoint e, String region, String serviceBase, @Nullable String privateDnsName) {
    String zone = hostedZoneId(region);
    List<DnsEntry> out = new ArrayList<>();
    out.add(DnsEntry.builder().dnsName(regionalName(e, serviceBase)).hostedZoneId(zone).build());
    for (var eni : e.interfaces()) {
      out.add(DnsEntry.builder().dnsName(zonalName(e, serviceBase, eni.availabilityZone())).hostedZoneId(zone).build());
    }
    if (privateDnsName != null && Boolean.TRUE.equals(e.endpoint().privateDnsEnabled())) {
      out.add(DnsEntry.builder().dnsName(privateDnsName).hostedZoneId(e.privateZoneId()).build());
    }
    return out;
  }
}
