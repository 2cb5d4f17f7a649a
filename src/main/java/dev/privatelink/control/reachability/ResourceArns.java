package dev.privatelink.control.reachability;

/**
 * The ARN of a resource named by its id, as Reachability Analyzer shows components: EC2 ids by
 * their prefix ({@code arn:aws:ec2:<region>:<account>:instance/i-…}); load balancer, listener and
 * target group ids are already ARNs.
 */
final class ResourceArns {
  private ResourceArns() {}

  static String of(String region, String accountId, String id) {
    if (id.startsWith("arn:")) {
      return id;
    }
    return "arn:aws:ec2:" + region + ":" + accountId + ":" + type(id) + "/" + id;
  }

  private static String type(String id) {
    String prefix = id.substring(0, Math.max(0, id.lastIndexOf('-')));
    return switch (prefix) {
      case "i" -> "instance";
      case "eni" -> "network-interface";
      case "sg" -> "security-group";
      case "acl" -> "network-acl";
      case "rtb" -> "route-table";
      case "subnet" -> "subnet";
      case "vpc" -> "vpc";
      case "vpce" -> "vpc-endpoint";
      case "vpce-svc" -> "vpc-endpoint-service";
      case "igw" -> "internet-gateway";
      case "nip" -> "network-insights-path";
      case "nia" -> "network-insights-analysis";
      default -> prefix;
    };
  }
}
