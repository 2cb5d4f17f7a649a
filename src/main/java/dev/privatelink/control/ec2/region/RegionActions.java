package dev.privatelink.control.ec2.region;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.Network.ZoneInfo;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * Regions and availability zones: <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRegions.html">DescribeRegions</a>
 * and <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeAvailabilityZones.html">DescribeAvailabilityZones</a>.
 * Opt-in regions show as {@code not-opted-in} and are listed only with AllRegions.
 */
public final class RegionActions implements ActionHandler {
  private static final Filters<Region> REGION_FILTERS = Filters.<Region>of(r -> Map.of())
      .one("endpoint", Region::endpoint)
      .one("region-name", Region::regionName)
      .one("opt-in-status", Region::optInStatus)
      .build();
  private static final Filters<AvailabilityZone> ZONE_FILTERS = Filters.<AvailabilityZone>of(z -> Map.of())
      .one("zone-name", AvailabilityZone::zoneName)
      .one("zone-id", AvailabilityZone::zoneId)
      .one("state", AvailabilityZone::stateAsString)
      .one("region-name", AvailabilityZone::regionName)
      .one("group-name", AvailabilityZone::groupName)
      .one("group-long-name", AvailabilityZone::groupLongName)
      .one("network-border-group", AvailabilityZone::networkBorderGroup)
      .one("opt-in-status", AvailabilityZone::optInStatusAsString)
      .one("zone-type", AvailabilityZone::zoneType)
      .one("message", z -> null)
      .build();

  @ReadOnly
  public DescribeRegionsResponse describeRegions(RequestContext ctx, DescribeRegionsRequest request) {
    boolean all = Boolean.TRUE.equals(request.allRegions());
    // A named region must exist, opted in or not; opt-in regions still show only with AllRegions.
    List<Region> regions = Describe.select(RegionCatalog.regions(), request.regionNames(), RegionCatalog.RegionInfo::name,
            name -> AwsException.invalidParameterValue("Invalid region: " + name)).stream()
        .filter(r -> all || !r.optIn())
        .map(r -> Region.builder().regionName(r.name()).endpoint(r.endpoint())
            .optInStatus(r.optIn() ? "not-opted-in" : "opt-in-not-required").build())
        .toList();
    return DescribeRegionsResponse.builder()
        .regions(Describe.of(Region::regionName, REGION_FILTERS).matching(regions, List.of(), request.filters())).build();
  }

  @ReadOnly
  public DescribeAvailabilityZonesResponse describeAvailabilityZones(RequestContext ctx,
      DescribeAvailabilityZonesRequest request) {
    String region = ctx.region();
    Function<String, AwsException> unknown = w -> AwsException.invalidParameterValue(
        "The zone '" + w + "' does not exist in the region '" + region + "'");
    List<AvailabilityZone> zones = RegionCatalog.zones(region).stream().map(z -> zone(region, z)).toList();
    List<AvailabilityZone> named = Describe.select(zones, request.zoneNames(), AvailabilityZone::zoneName, unknown);
    return DescribeAvailabilityZonesResponse.builder().availabilityZones(Describe.of(AvailabilityZone::zoneId, unknown,
        ZONE_FILTERS).matching(named, request.zoneIds(), request.filters())).build();
  }

  private static AvailabilityZone zone(String region, ZoneInfo z) {
    return AvailabilityZone.builder()
        .zoneName(z.zoneName()).zoneId(z.zoneId()).regionName(region).state("available")
        .optInStatus("opt-in-not-required").messages(List.of()).groupName(region).groupLongName(longName(region))
        .networkBorderGroup(region).zoneType("availability-zone").build();
  }

  private static String longName(String region) {
    return switch (region) {
      case "us-east-1" -> "US East (N. Virginia) 1";
      case "us-east-2" -> "US East (Ohio) 1";
      case "us-west-1" -> "US West (N. California) 1";
      case "us-west-2" -> "US West (Oregon) 1";
      case "eu-west-1" -> "Europe (Ireland) 1";
      case "eu-central-1" -> "Europe (Frankfurt) 1";
      case "ap-southeast-1" -> "Asia Pacific (Singapore) 1";
      case "ap-southeast-2" -> "Asia Pacific (Sydney) 1";
      case "ap-northeast-1" -> "Asia Pacific (Tokyo) 1";
      default -> region;
    };
  }
}
