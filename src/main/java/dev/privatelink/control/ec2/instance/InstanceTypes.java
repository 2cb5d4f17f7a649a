package dev.privatelink.control.ec2.instance;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.InstanceType;

/**
 * The instance types RunInstances accepts: common families and sizes, with architecture, vCPUs
 * and threads per core as AWS documents them.
 */
public final class InstanceTypes {
  /** One type; {@code burstable} types have CPU credits (t2 standard, the others unlimited). */
  public record TypeInfo(String name, String architecture, int vcpus, int threadsPerCore, int memoryMib, boolean burstable) {
    public int cores() {
      return Math.max(1, vcpus / threadsPerCore);
    }

    public String defaultCreditSpecification() {
      return name.startsWith("t2.") ? "standard" : "unlimited";
    }
  }

  private static final List<String> BURSTABLE_SIZES = List.of("nano", "micro", "small", "medium", "large", "xlarge", "2xlarge");
  private static final List<String> SIZES = List.of("large", "xlarge", "2xlarge", "4xlarge", "8xlarge");

  private static final List<String> BURSTABLE_FAMILIES = List.of("t2", "t3", "t3a", "t4g");
  private static final List<String> FIXED_FAMILIES = List.of("m5", "m6i", "m7i", "c5", "c6i", "c7i", "r5", "r6i",
      "m6g", "m7g", "c6g", "c7g", "r6g", "r7g");

  private InstanceTypes() {}

  /** Every type of the catalogue, family by family, for DescribeInstanceTypes without names. */
  public static List<TypeInfo> all() {
    List<TypeInfo> out = new java.util.ArrayList<>();
    find("m1.small").ifPresent(out::add);
    BURSTABLE_FAMILIES.forEach(f -> BURSTABLE_SIZES.forEach(s -> find(f + "." + s).ifPresent(out::add)));
    FIXED_FAMILIES.forEach(f -> SIZES.forEach(s -> find(f + "." + s).ifPresent(out::add)));
    return out;
  }

  public static Optional<TypeInfo> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    if (InstanceType.fromValue(name) == InstanceType.M1_SMALL) {
      return Optional.of(new TypeInfo(name, "x86_64", 1, 1, 1740, false));
    }
    int dot = name.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String family = name.substring(0, dot);
    String size = name.substring(dot + 1);
    return switch (family) {
      case "t2" -> burstable(name, size, "x86_64", 1);
      case "t3", "t3a" -> burstable(name, size, "x86_64", 2);
      case "t4g" -> burstable(name, size, "arm64", 1);
      case "m5", "m6i", "m7i", "c5", "c6i", "c7i", "r5", "r6i" -> fixed(name, size, family, "x86_64", 2);
      case "m6g", "m7g", "c6g", "c7g", "r6g", "r7g" -> fixed(name, size, family, "arm64", 1);
      default -> Optional.empty();
    };
  }

  private static Optional<TypeInfo> burstable(String name, String size, String arch, int threads) {
    int index = BURSTABLE_SIZES.indexOf(size);
    if (index < 0) {
      return Optional.empty();
    }
    int vcpus = switch (size) {
      case "xlarge" -> 4;
      case "2xlarge" -> 8;
      default -> name.startsWith("t2.") && index <= 2 ? 1 : 2;
    };
    int memory = 512 << index;
    return Optional.of(new TypeInfo(name, arch, vcpus, threads, memory, true));
  }

  private static Optional<TypeInfo> fixed(String name, String size, String family, String arch, int threads) {
    int index = SIZES.indexOf(size);
    if (index < 0) {
      return Optional.empty();
    }
    int vcpus = 2 << index;
    int perVcpu = family.startsWith("c") ? 2048 : family.startsWith("r") ? 8192 : 4096;
    return Optional.of(new TypeInfo(name, arch, vcpus, threads, vcpus * perVcpu, false));
  }
}
