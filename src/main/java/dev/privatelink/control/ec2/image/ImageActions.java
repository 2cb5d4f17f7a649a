package dev.privatelink.control.ec2.image;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import dev.privatelink.control.query.Page;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * Serves <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeImages.html">DescribeImages</a>
 * over the {@link ImageCatalog}: Owners ({@code amazon}, {@code self}, account ids, aliases),
 * ImageIds and the filters Terraform's {@code aws_ami} data source uses.
 */
public final class ImageActions implements ActionHandler {
  private static final Filters<Image> FILTERS = Filters.<Image>of(i -> Map.of())
      .one("name", Image::name)
      .one("image-id", Image::imageId)
      .one("architecture", Image::architectureAsString)
      .one("virtualization-type", Image::virtualizationTypeAsString)
      .one("owner-alias", Image::imageOwnerAlias)
      .one("owner-id", Image::ownerId)
      .one("state", Image::stateAsString)
      .one("image-type", Image::imageTypeAsString)
      .one("root-device-type", Image::rootDeviceTypeAsString)
      .one("root-device-name", Image::rootDeviceName)
      .one("description", Image::description)
      .one("ena-support", Image::enaSupport)
      .one("hypervisor", Image::hypervisorAsString)
      .one("is-public", Image::publicLaunchPermissions)
      .one("platform", Image::platformAsString)
      .one("manifest-location", Image::imageLocation)
      .one("creation-date", Image::creationDate)
      .one("boot-mode", Image::bootModeAsString)
      .build();

  @ReadOnly
  public DescribeImagesResponse describeImages(RequestContext ctx, DescribeImagesRequest request) {
    var describe = Describe.of(Image::imageId, Ec2Errors::imageNotFound, FILTERS);
    // Owner.N narrows what ImageId.N found; an id of another owner is left out, not NotFound.
    List<Image> images = describe.matching(ImageCatalog.images(ctx.region()), request.imageIds(), List.of());
    if (request.hasOwners() && !request.owners().isEmpty()) {
      images = images.stream().filter(i -> request.owners().stream().anyMatch(o -> ownedBy(ctx, i, o))).toList();
    }
    Page<Image> page = describe.page(images, List.of(), request.filters(), request.maxResults(), request.nextToken());
    return DescribeImagesResponse.builder().images(page.items()).nextToken(page.nextToken()).build();
  }

  private static boolean ownedBy(RequestContext ctx, Image image, String owner) {
    return switch (owner) {
      case "self" -> image.ownerId().equals(ctx.accountId());
      case "amazon", "aws-marketplace", "aws-backup-vault" -> owner.equals(image.imageOwnerAlias());
      default -> owner.equals(image.ownerId());
    };
  }
}
