package dev.privatelink.control.ec2.instance;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import dev.privatelink.control.query.Page;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;

/**
 * The instance types this cloud launches, as
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceTypes.html">DescribeInstanceTypes</a>
 * shows them (Terraform's aws_instance reads it): architecture, vCPUs, cores, threads, memory,
 * burstable performance. Names that do not exist are AWS's InvalidInstanceType.
 */
public final class InstanceTypeActions implements ActionHandler {
  /** The types AWS's free tier covers. */
  private static final Set<InstanceType> FREE_TIER = EnumSet.of(InstanceType.T2_MICRO, InstanceType.T3_MICRO);
  private static final Filters<InstanceTypes.TypeInfo> FILTERS = Filters.<InstanceTypes.TypeInfo>of(t -> Map.of())
      .one("instance-type", InstanceTypes.TypeInfo::name)
      .one("processor-info.supported-architecture", InstanceTypes.TypeInfo::architecture)
      .one("vcpu-info.default-vcpus", InstanceTypes.TypeInfo::vcpus)
      .one("memory-info.size-in-mib", InstanceTypes.TypeInfo::memoryMib)
      .one("burstable-performance-supported", InstanceTypes.TypeInfo::burstable)
      .one("current-generation", t -> true)
      .build();

  @ReadOnly
  public DescribeInstanceTypesResponse describeInstanceTypes(RequestContext ctx, DescribeInstanceTypesRequest request) {
    List<InstanceTypes.TypeInfo> types = InstanceTypes.all();
    if (request.hasInstanceTypes()) {
      List<String> missing = request.instanceTypesAsStrings().stream().filter(n -> InstanceTypes.find(n).isEmpty()).toList();
      if (!missing.isEmpty()) {
        throw AwsException.badRequest("InvalidInstanceType", "The following supplied instance types do not exist: "
            + missing.stream().map(n -> "[" + n + "]").toList().toString().replace(", ", ""));
      }
      types = request.instanceTypesAsStrings().stream().distinct().map(n -> InstanceTypes.find(n).orElseThrow()).toList();
    }
    // Instance types have their own error for unknown names, listing them all, checked above.
    Page<InstanceTypes.TypeInfo> page = Describe.of(InstanceTypes.TypeInfo::name, FILTERS).page(types, List.of(),
        request.filters(), request.maxResults(), request.nextToken());
    return DescribeInstanceTypesResponse.builder().instanceTypes(page.items().stream().map(InstanceTypeActions::render).toList())
        .nextToken(page.nextToken()).build();
  }

  private static InstanceTypeInfo render(InstanceTypes.TypeInfo t) {
    return InstanceTypeInfo.builder().instanceType(t.name()).currentGeneration(true).freeTierEligible(
        FREE_TIER.contains(InstanceType.fromValue(t.name())))
        .supportedUsageClassesWithStrings("on-demand", "spot").supportedRootDeviceTypesWithStrings("ebs")
        .supportedVirtualizationTypesWithStrings("hvm").bareMetal(false).hypervisor(t.name().startsWith("t2.") ? "xen" : "nitro")
        .processorInfo(p -> p.supportedArchitecturesWithStrings(t.architecture()))
        .vCpuInfo(v -> v.defaultVCpus(t.vcpus()).defaultCores(t.cores()).defaultThreadsPerCore(t.threadsPerCore()))
        .memoryInfo(m -> m.sizeInMiB((long) t.memoryMib())).burstablePerformanceSupported(t.burstable())
        .instanceStorageSupported(false).ebsInfo(e -> e.ebsOptimizedSupport("default").encryptionSupport("supported"))
        .networkInfo(n -> n.enaSupport(t.name().startsWith("t2.") ? "unsupported" : "required").maximumNetworkInterfaces(
            t.vcpus() <= 2 ? 2 : 4).ipv4AddressesPerInterface(t.vcpus() <= 2 ? 2 : 10))
        .build();
  }
}
