package dev.privatelink.control.ec2.prefixlist;

import dev.privatelink.model.StableIds;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS-managed prefix lists of a region: one per gateway endpoint service (S3 and DynamoDB),
 * named after the service ({@code com.amazonaws.<region>.s3}) with the service's address ranges.
 * Ids are stable per region as on AWS: us-east-1's are AWS's own; other regions get ids derived
 * from the region and service name, and ranges derived the same way (see docs/compatibility.md).
 *
 * @see <a href="https://docs.aws.amazon.com/vpc/latest/userguide/working-with-aws-managed-prefix-lists.html">AWS-managed prefix lists</a>
 */
public final class AwsPrefixLists {
  /** The owner AWS shows for its own prefix lists. */
  public static final String OWNER = "AWS";
  /** The services with a gateway endpoint, and so a prefix list, in every region. */
  public static final List<String> GATEWAY_SERVICES = List.of("s3", "dynamodb");

  /** One AWS-managed prefix list: its id, name (the service name) and ranges. */
  public record AwsPrefixList(String id, String name, List<String> cidrs) {
    public AwsPrefixList {
      cidrs = List.copyOf(cidrs);
    }
  }

  private static final Map<String, AwsPrefixList> US_EAST_1 = Map.of(
      "s3", new AwsPrefixList("pl-63a5400a", "com.amazonaws.us-east-1.s3", List.of("16.15.176.0/20",
          "16.182.0.0/16", "18.34.0.0/19", "18.34.232.0/21", "3.5.0.0/19", "44.192.134.240/28",
          "44.192.140.64/28", "52.216.0.0/15", "54.231.0.0/16")),
      "dynamodb", new AwsPrefixList("pl-02cd2c6b", "com.amazonaws.us-east-1.dynamodb", List.of("3.218.180.0/23",
          "3.218.182.0/24", "52.94.0.0/22", "52.119.224.0/20")));

  private AwsPrefixLists() {}

  /** The region's AWS-managed prefix lists, in service order (s3, dynamodb). */
  public static List<AwsPrefixList> of(String region) {
    return GATEWAY_SERVICES.stream().map(s -> list(region, s)).toList();
  }

  public static Optional<AwsPrefixList> byId(String region, String id) {
    return of(region).stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The prefix list of an endpoint service name, if it has one (only gateway services do). */
  public static Optional<AwsPrefixList> byName(String region, String name) {
    return of(region).stream().filter(p -> p.name().equals(name)).findFirst();
  }

  private static AwsPrefixList list(String region, String service) {
    if (region.equals("us-east-1")) {
      return US_EAST_1.get(service);
    }
    String name = "com.amazonaws." + region + "." + service;
    String id = "pl-" + StableIds.hex(name, 8);
    // Stand-in ranges: one /16 per list, from the name, inside space AWS itself announces (52.0.0.0/8).
    String cidr = "52." + Integer.parseInt(StableIds.hex(name + "/cidr", 2), 16) + ".0.0/16";
    return new AwsPrefixList(id, name, List.of(cidr));
  }
}
