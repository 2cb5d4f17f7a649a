package dev.privatelink.control.ec2.image;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * The public images every region offers: a few Amazon Linux releases and one Ubuntu. As in AWS,
 * an image has a different id in each region; here the id is derived from region and name, so it
 * is the same on every run.
 */
public final class ImageCatalog {
  public static final String AMAZON_OWNER_ID = "137112412989";
  public static final String CANONICAL_OWNER_ID = "099720109477";

  /** One catalogue entry. */
  private record Entry(String name, String description, String ownerId, @Nullable String alias, String architecture,
      String creationDate, String rootDevice, @Nullable String bootMode) {}

  private static final List<Entry> ENTRIES = List.of(
      al2023("2023.6.20241212.0", "x86_64", "2024-12-12T19:22:13.000Z"),
      al2023("2023.7.20250414.0", "x86_64", "2025-04-14T21:05:41.000Z"),
      al2023("2023.7.20250512.0", "x86_64", "2025-05-12T20:32:08.000Z"),
      al2023("2023.7.20250512.0", "arm64", "2025-05-12T20:32:11.000Z"),
      new Entry("al2023-ami-minimal-2023.7.20250512.0-kernel-6.1-x86_64",
          "Amazon Linux 2023 AMI 2023.7.20250512.0 x86_64 Minimal HVM kernel-6.1", AMAZON_OWNER_ID, "amazon", "x86_64",
          "2025-05-12T20:32:02.000Z", "/dev/xvda", "uefi-preferred"),
      new Entry("amzn2-ami-kernel-5.10-hvm-2.0.20250512.0-x86_64-gp2", "Amazon Linux 2 Kernel 5.10 AMI 2.0.20250512.0 x86_64 HVM gp2",
          AMAZON_OWNER_ID, "amazon", "x86_64", "2025-05-13T01:11:52.000Z", "/dev/xvda", null),
      new Entry("ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20250415",
          "Canonical, Ubuntu, 22.04 LTS, amd64 jammy image build on 2025-04-15", CANONICAL_OWNER_ID, null, "x86_64",
          "2025-04-15T10:48:20.000Z", "/dev/sda1", "legacy-bios"));

  private ImageCatalog() {}

  private static Entry al2023(String version, String arch, String created) {
    return new Entry("al2023-ami-" + version + "-kernel-6.1-" + arch,
        "Amazon Linux 2023 AMI " + version + " " + arch + " HVM kernel-6.1", AMAZON_OWNER_ID, "amazon", arch, created,
        "/dev/xvda", "uefi-preferred");
  }

  /** Every image of a region, in catalogue order. */
  public static List<Image> images(String region) {
    return ENTRIES.stream().map(e -> image(region, e)).toList();
  }

  public static Optional<Image> find(String region, String imageId) {
    return images(region).stream().filter(i -> i.imageId().equals(imageId)).findFirst();
  }

  private static Image image(String region, Entry e) {
    String id = "ami-" + digest(region + "/" + e.name()).substring(0, 17);
    String snapshot = "snap-" + digest("snapshot/" + region + "/" + e.name()).substring(0, 17);
    return Image.builder()
        .imageId(id).name(e.name()).description(e.description()).ownerId(e.ownerId()).imageOwnerAlias(e.alias())
        .imageLocation((e.alias() != null ? e.alias() : e.ownerId()) + "/" + e.name())
        .architecture(e.architecture()).creationDate(e.creationDate()).state("available").publicLaunchPermissions(true)
        .imageType("machine").virtualizationType("hvm").hypervisor("xen").enaSupport(true).sriovNetSupport("simple")
        .rootDeviceType("ebs").rootDeviceName(e.rootDevice()).bootMode(e.bootMode())
        .imdsSupport(e.alias() != null && e.name().startsWith("al2023") ? "v2.0" : null)
        .platformDetails("Linux/UNIX").usageOperation("RunInstances")
        .deprecationTime(deprecation(e.creationDate()))
        .blockDeviceMappings(BlockDeviceMapping.builder().deviceName(e.rootDevice()).ebs(EbsBlockDevice.builder()
            .snapshotId(snapshot).volumeSize(8).volumeType("gp3").deleteOnTermination(true).encrypted(false)
            .iops(3000).throughput(125).build()).build())
        .productCodes(List.of()).tags(List.of())
        .build();
  }

  /** AWS deprecates public images two years after creation. */
  private static String deprecation(String created) {
    int year = Integer.parseInt(created.substring(0, 4));
    return (year + 2) + created.substring(4);
  }

  private static String digest(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
