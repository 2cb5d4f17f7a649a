package dev.privatelink.control.privatelink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Service settings this emulator accepts: interface services in front of network load balancers,
 * reachable over IPv4 from the provider's own region.
 */
final class ServiceSettings {
  static final String IPV4 = "ipv4";

  private ServiceSettings() {}

  static void rejectGatewayLoadBalancers(List<String> arns) {
    if (arns != null && !arns.isEmpty()) {
      throw Errors.invalidParameter("Gateway Load Balancer endpoint services are not supported by privatelink-local; "
          + "use NetworkLoadBalancerArns.");
    }
  }

  /** The IP address types asked for (ipv4 if none); IPv6 is not offered here. */
  static List<String> ipAddressTypes(List<String> asked) {
    List<String> types = Requests.distinct(asked);
    for (String t : types) {
      if (!IPV4.equals(t)) {
        throw Errors.invalidParameter("Supported IP address type '" + t
            + "' is not supported by privatelink-local; only ipv4 is.");
      }
    }
    return List.of(IPV4);
  }

  /** Cross-region access is not offered: only the provider's own region may be named. */
  static void rejectOtherRegions(String region, List<String> regions) {
    for (String r : Requests.distinct(regions)) {
      if (!r.equals(region)) {
        throw Errors.invalidParameter("Cross-region access to region '" + r + "' is not supported by privatelink-local.");
      }
    }
  }

  static Map<String, String> tagMap(ServiceConfiguration rendered) {
    return tagMap(rendered.tags());
  }

  static Map<String, String> tagMap(List<Tag> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    tags.forEach(t -> out.put(t.key(), t.value()));
    return out;
  }
}
