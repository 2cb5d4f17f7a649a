package dev.privatelink.control.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.AwsException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;

class InstanceTypesTest {
  private final Ec2Fixture f = new Ec2Fixture();

  @Test
  void describesTheSeedsInstanceType() {
    DescribeInstanceTypesResponse r = f.call(DescribeInstanceTypesRequest.builder().instanceTypesWithStrings("t3.nano").build());
    InstanceTypeInfo t = r.instanceTypes().getFirst();
    assertEquals("t3.nano", t.instanceTypeAsString());
    assertEquals("x86_64", t.processorInfo().supportedArchitecturesAsStrings().getFirst());
    assertEquals(2, t.vCpuInfo().defaultVCpus());
    assertEquals(512L, t.memoryInfo().sizeInMiB());
    assertTrue(t.burstablePerformanceSupported());
  }

  @Test
  void unknownTypesAreInvalidInstanceType() {
    AwsException e = assertThrows(AwsException.class,
        () -> f.call(DescribeInstanceTypesRequest.builder().instanceTypesWithStrings("t3.nano", "z9.huge").build()));
    assertEquals("InvalidInstanceType", e.code());
    assertTrue(e.getMessage().contains("[z9.huge]"), e.getMessage());
  }

  @Test
  void filtersAndPages() {
    DescribeInstanceTypesResponse arm = f.call(DescribeInstanceTypesRequest.builder().filters(
        Filter.builder().name("processor-info.supported-architecture").values("arm64").build()).build());
    assertTrue(arm.instanceTypes().size() > 5);
    assertTrue(arm.instanceTypes().stream().allMatch(t -> t.processorInfo().supportedArchitecturesAsStrings().contains("arm64")));
    DescribeInstanceTypesResponse page = f.call(DescribeInstanceTypesRequest.builder().maxResults(5).build());
    assertEquals(5, page.instanceTypes().size());
    assertTrue(page.nextToken() != null);
  }
}
