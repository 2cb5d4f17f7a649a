package dev.privatelink.control.privatelink;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Scope;
import dev.privatelink.control.tags.Ec2Tags;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** Checks shared by the PrivateLink actions: required parameters, tag specifications. */
final class Requests {
  private Requests() {}

  static String required(String value, String parameter) {
    if (value == null || value.isEmpty()) {
      throw Errors.missing(parameter);
    }
    return value;
  }

  static List<String> requiredList(List<String> values, String parameter) {
    if (values == null || values.isEmpty()) {
      throw Errors.missing(parameter);
    }
    return values;
  }

  /** The distinct values in request order: AWS treats a repeated id as one. */
  static List<String> distinct(Collection<String> values) {
    return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
  }

  /**
   * The tags a create call asks for, validated: every specification must name {@code resourceType}
   * (the only taggable type of the action), and the tags must respect EC2's limits.
   */
  static List<Tag> tags(Ec2Tags tags, Scope scope, List<TagSpecification> specs, String resourceType) {
    if (specs == null) {
      return List.of();
    }
    for (TagSpecification spec : specs) {
      if (!resourceType.equals(spec.resourceTypeAsString())) {
        throw AwsException.invalidParameterValue("'" + spec.resourceTypeAsString()
            + "' is not a valid taggable resource type for this operation.");
      }
    }
    List<Tag> wanted = Ec2Tags.fromSpecifications(specs, resourceType);
    tags.validate(scope, "(new " + resourceType + ")", wanted);
    return wanted;
  }
}
