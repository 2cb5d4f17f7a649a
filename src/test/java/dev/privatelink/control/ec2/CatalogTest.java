package dev.privatelink.control.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;

class CatalogTest {
  private final Ec2Fixture f = new Ec2Fixture();

  @Test
  void regionsListTheCommercialOnesWithEndpoints() {
    DescribeRegionsResponse r = f.call(DescribeRegionsRequest.builder().build());
    var east = r.regions().stream().filter(x -> x.regionName().equals("us-east-1")).findFirst().orElseThrow();
    assertEquals("ec2.us-east-1.amazonaws.com", east.endpoint());
    assertEquals("opt-in-not-required", east.optInStatus());
    assertTrue(r.regions().stream().noneMatch(x -> x.regionName().equals("af-south-1")));
    DescribeRegionsResponse all = f.call(DescribeRegionsRequest.builder().allRegions(true).build());
    assertTrue(all.regions().stream().anyMatch(x -> x.regionName().equals("af-south-1") && x.optInStatus().equals("not-opted-in")));
  }

  @Test
  void zonesOfUsEast1() {
    DescribeAvailabilityZonesResponse r = f.call(DescribeAvailabilityZonesRequest.builder()
        .filters(Filter.builder().name("state").values("available").build()).build());
    assertEquals(List.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"),
        r.availabilityZones().stream().map(AvailabilityZone::zoneName).toList());
    assertTrue(r.availabilityZones().stream().allMatch(z -> z.zoneId().matches("use1-az[1-6]")));
    DescribeAvailabilityZonesResponse tokyo = f.callIn(Ec2Fixture.ACCOUNT, "ap-northeast-1", DescribeAvailabilityZonesRequest.builder().build());
    assertEquals(List.of("ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"),
        tokyo.availabilityZones().stream().map(AvailabilityZone::zoneName).toList());
    DescribeAvailabilityZonesResponse byId = f.callIn(Ec2Fixture.ACCOUNT, "eu-central-1", DescribeAvailabilityZonesRequest.builder()
        .filters(Filter.builder().name("zone-id").values("euc1-az2").build()).build());
    assertEquals("eu-central-1b", byId.availabilityZones().get(0).zoneName());
  }

  @Test
  void amazonLinuxImagesAsTerraformFindsThem() {
    DescribeImagesResponse r = f.call(DescribeImagesRequest.builder().owners("amazon").filters(
        Filter.builder().name("name").values("al2023-ami-2023.*-x86_64").build(),
        Filter.builder().name("architecture").values("x86_64").build(),
        Filter.builder().name("virtualization-type").values("hvm").build()).build());
    assertEquals(3, r.images().size());
    assertTrue(r.images().stream().allMatch(i -> i.ownerId().equals("137112412989") && "amazon".equals(i.imageOwnerAlias())));
    assertTrue(r.images().stream().allMatch(i -> i.imageId().matches("ami-" + Ec2Fixture.ID17)));
    DescribeImagesResponse west = f.callIn(Ec2Fixture.ACCOUNT, "us-west-2", DescribeImagesRequest.builder().build());
    assertTrue(west.images().stream().noneMatch(i -> i.imageId().equals(r.images().get(0).imageId())), "ids differ per region");
    DescribeImagesResponse self = f.call(DescribeImagesRequest.builder().owners("self").build());
    assertTrue(self.images().isEmpty());
    f.fails("InvalidAMIID.NotFound", DescribeImagesRequest.builder().imageIds("ami-00000000000000000").build());
  }
}
