package dev.privatelink.control.ec2;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Scope;
import dev.privatelink.control.tags.Ec2Tags;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The TagSpecifications of a Create call: checked before anything changes (resource types the
 * action accepts, tag limits), then applied to the new resource's id.
 */
public final class TagSpecs {
  private TagSpecs() {}

  public static void validate(Ec2Tags tags, Scope scope, List<TagSpecification> specs, Set<String> allowedTypes) {
    if (specs == null) {
      return;
    }
    for (TagSpecification spec : specs) {
      String type = spec.resourceTypeAsString();
      if (type == null || !allowedTypes.contains(type)) {
        throw AwsException.invalidParameterValue("'" + type + "' is not a valid taggable resource type for this operation.");
      }
      tags.validate(scope, "", spec.tags());
    }
  }

  public static void validate(Ec2Tags tags, Scope scope, List<TagSpecification> specs, String allowedType) {
    validate(tags, scope, specs, Set.of(allowedType));
  }

  public static void apply(Ec2Tags tags, Scope scope, String resourceId, List<TagSpecification> specs, String type) {
    var add = Ec2Tags.fromSpecifications(specs, type);
    if (!add.isEmpty()) {
      tags.put(scope, resourceId, add);
    }
  }
}
