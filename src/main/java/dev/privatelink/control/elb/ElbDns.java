package dev.privatelink.control.elb;

import dev.privatelink.model.IdSource;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;

/**
 * Load balancer DNS names and the Route 53 hosted zone AWS serves them from, per region and type.
 * ALB names carry a decimal id ({@code my-alb-1234567890.us-east-1.elb.amazonaws.com}, internal ones
 * prefixed {@code internal-}); NLB names carry 16 hex digits under {@code elb.<region>}.
 */
final class ElbDns {
  /** Region → {ALB zone, NLB zone}, as AWS's Elastic Load Balancing endpoints page lists them. */
  private static final Map<String, String[]> HOSTED_ZONES = Map.ofEntries(
      Map.entry("us-east-1", new String[] {"Z35SXDOTRQ7X7K", "Z26RNL4JYFTOTI"}),
      Map.entry("us-east-2", new String[] {"Z3AADJGX6KTTL2", "ZLMOA37VPKANP"}),
      Map.entry("us-west-1", new String[] {"Z368ELLRRE2KJ0", "Z24FKFUX50B4VW"}),
      Map.entry("us-west-2", new String[] {"Z1H1FL5HABSF5", "Z18D5FSROUN65G"}),
      Map.entry("eu-west-1", new String[] {"Z32O12XQLNTSW2", "Z2IFOLAFXWLO4F"}),
      Map.entry("eu-central-1", new String[] {"Z215JYRZR1TBD5", "Z3F0SRJ5LGBH90"}));

  private ElbDns() {}

  static String dnsName(IdSource ids, String region, String name, LoadBalancerTypeEnum type, String scheme) {
    String prefix = LoadBalancerSchemeEnum.fromValue(scheme) == LoadBalancerSchemeEnum.INTERNAL && type == LoadBalancerTypeEnum.APPLICATION ? "internal-" : "";
    if (type == LoadBalancerTypeEnum.APPLICATION) {
      StringBuilder digits = new StringBuilder();
      digits.append(1 + ids.nextInt(9));
      for (int i = 1; i < 10; i++) {
        digits.append(ids.nextInt(10));
      }
      return (prefix + name + "-" + digits + "." + region + ".elb.amazonaws.com").toLowerCase();
    }
    return (prefix + name + "-" + ids.hex(16) + ".elb." + region + ".amazonaws.com").toLowerCase();
  }

  static String hostedZoneId(String region, LoadBalancerTypeEnum type) {
    String[] zones = HOSTED_ZONES.getOrDefault(region, HOSTED_ZONES.get("us-east-1"));
    return type == LoadBalancerTypeEnum.APPLICATION ? zones[0] : zones[1];
  }
}
