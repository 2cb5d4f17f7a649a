package dev.privatelink.control.ec2.region;

import dev.privatelink.control.Network.ZoneInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import static java.util.Map.entry;

/**
 * AWS's commercial regions and their availability zones. Zone names map to zone ids the same way
 * in every account here (in AWS the mapping differs per account; ids are the stable names).
 */
public final class RegionCatalog {
  /** A region, whether an account must opt in to it, and its zones' letters and id numbers. */
  public record RegionInfo(String name, boolean optIn, String zoneLetters, int[] zoneIdNumbers) {
    public String endpoint() {
      return "ec2." + name + ".amazonaws.com";
    }
  }

  private static final int[] ONE_TO_THREE = {1, 2, 3};
  private static final Map<String, RegionInfo> REGIONS = Map.ofEntries(
      region("us-east-1", false, "abcdef", 1, 2, 4, 6, 3, 5),
      region("us-east-2", false, "abc", ONE_TO_THREE),
      region("us-west-1", false, "ab", 1, 3),
      region("us-west-2", false, "abcd", 1, 2, 3, 4),
      region("ca-central-1", false, "abd", 1, 2, 4),
      region("eu-west-1", false, "abc", ONE_TO_THREE),
      region("eu-west-2", false, "abc", 2, 3, 1),
      region("eu-west-3", false, "abc", ONE_TO_THREE),
      region("eu-central-1", false, "abc", ONE_TO_THREE),
      region("eu-north-1", false, "abc", ONE_TO_THREE),
      region("ap-south-1", false, "abc", 1, 3, 2),
      region("ap-southeast-1", false, "abc", ONE_TO_THREE),
      region("ap-southeast-2", false, "abc", ONE_TO_THREE),
      region("ap-northeast-1", false, "acd", 4, 1, 2),
      region("ap-northeast-2", false, "abcd", 1, 2, 3, 4),
      region("ap-northeast-3", false, "abc", 3, 1, 2),
      region("sa-east-1", false, "abc", ONE_TO_THREE),
      region("af-south-1", true, "abc", ONE_TO_THREE),
      region("ap-east-1", true, "abc", ONE_TO_THREE),
      region("ap-south-2", true, "abc", ONE_TO_THREE),
      region("ap-southeast-3", true, "abc", ONE_TO_THREE),
      region("ap-southeast-4", true, "abc", ONE_TO_THREE),
      region("ap-southeast-5", true, "abc", ONE_TO_THREE),
      region("ap-southeast-7", true, "abc", ONE_TO_THREE),
      region("ca-west-1", true, "abc", ONE_TO_THREE),
      region("eu-central-2", true, "abc", ONE_TO_THREE),
      region("eu-south-1", true, "abc", ONE_TO_THREE),
      region("eu-south-2", true, "abc", ONE_TO_THREE),
      region("il-central-1", true, "abc", ONE_TO_THREE),
      region("me-central-1", true, "abc", ONE_TO_THREE),
      region("me-south-1", true, "abc", ONE_TO_THREE),
      region("mx-central-1", true, "abc", ONE_TO_THREE));

  private RegionCatalog() {}

  private static Map.Entry<String, RegionInfo> region(String name, boolean optIn, String letters, int... ids) {
    return entry(name, new RegionInfo(name, optIn, letters, ids));
  }

  /** Every region, sorted by name as DescribeRegions lists them. */
  public static List<RegionInfo> regions() {
    return REGIONS.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
  }

  public static Optional<RegionInfo> region(String name) {
    return Optional.ofNullable(REGIONS.get(name));
  }

  /** The zones of a region in name order; a region we do not know gets zones a, b and c. */
  public static List<ZoneInfo> zones(String region) {
    RegionInfo info = REGIONS.getOrDefault(region, new RegionInfo(region, false, "abc", ONE_TO_THREE));
    List<ZoneInfo> out = new ArrayList<>();
    for (int i = 0; i < info.zoneLetters().length(); i++) {
      out.add(new ZoneInfo(region + info.zoneLetters().charAt(i), zoneIdPrefix(region) + "-az" + info.zoneIdNumbers()[i]));
    }
    return out;
  }

  /** AWS's short region code in zone ids: us-east-1 → use1, ap-southeast-2 → apse2, eu-central-1 → euc1. */
  static String zoneIdPrefix(String region) {
    String[] parts = region.split("-");
    if (parts.length != 3) {
      return region;
    }
    String direction = switch (parts[1]) {
      case "southeast" -> "se";
      case "northeast" -> "ne";
      case "southwest" -> "sw";
      case "northwest" -> "nw";
      default -> parts[1].substring(0, 1);
    };
    return parts[0] + direction + parts[2];
  }

  public static Optional<ZoneInfo> zoneByName(String region, String zoneName) {
    return zones(region).stream().filter(z -> z.zoneName().equals(zoneName)).findFirst();
  }

  public static Optional<ZoneInfo> zoneById(String region, String zoneId) {
    return zones(region).stream().filter(z -> z.zoneId().equals(zoneId)).findFirst();
  }
}
