package dev.privatelink.control.tags;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Scope;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The EC2 tags of every resource (VPCs, subnets, instances, endpoint services, endpoints …), by
 * resource id, per account and region. Resources render their tags from here, so CreateTags works
 * the same on any of them.
 */
public final class Ec2Tags {
  private static final int MAX_TAGS = 50;
  private final Map<Scope, Map<String, LinkedHashMap<String, String>>> tags = new LinkedHashMap<>();

  public Map<String, String> map(Scope scope, String resourceId) {
    var byId = tags.get(scope);
    var m = byId == null ? null : byId.get(resourceId);
    return m == null ? Map.of() : Collections.unmodifiableMap(m);
  }

  /** The tags as SDK values, in the order they were set, or an empty list. */
  public List<Tag> of(Scope scope, String resourceId) {
    return map(scope, resourceId).entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  /** Checks tags for AWS's limits without changing anything. */
  public void validate(Scope scope, String resourceId, List<Tag> add) {
    int count = map(scope, resourceId).size();
    for (Tag t : add) {
      if (t.key() == null || t.key().isEmpty()) {
        throw AwsException.invalidParameterValue("Tag keys must not be empty");
      }
      if (t.key().length() > 127 || (t.value() != null && t.value().length() > 255)) {
        throw AwsException.invalidParameterValue("Tag key or value exceeds the allowed length");
      }
      if (t.key().startsWith("aws:")) {
        throw AwsException.invalidParameterValue("Tag keys starting with 'aws:' are reserved for internal use");
      }
      if (!map(scope, resourceId).containsKey(t.key())) {
        count++;
      }
    }
    if (count > MAX_TAGS) {
      throw AwsException.badRequest("TagLimitExceeded", "The maximum number of tags (50) for resource " + resourceId + " has been reached.");
    }
  }

  public void put(Scope scope, String resourceId, List<Tag> add) {
    var m = tags.computeIfAbsent(scope, s -> new LinkedHashMap<>()).computeIfAbsent(resourceId, id -> new LinkedHashMap<>());
    for (Tag t : add) {
      m.put(t.key(), t.value() == null ? "" : t.value());
    }
  }

  /** Removes tags: a tag given with a value is removed only if its value matches, as DeleteTags does. */
  public void remove(Scope scope, String resourceId, List<Tag> remove) {
    var byId = tags.get(scope);
    var m = byId == null ? null : byId.get(resourceId);
    if (m == null) {
      return;
    }
    if (remove == null || remove.isEmpty()) {
      m.clear();
      return;
    }
    for (Tag t : remove) {
      if (t.value() == null || t.value().equals(m.get(t.key()))) {
        m.remove(t.key());
      }
    }
  }

  /** Forgets every tag of a deleted resource. */
  public void drop(Scope scope, String resourceId) {
    var byId = tags.get(scope);
    if (byId != null) {
      byId.remove(resourceId);
    }
  }

  /** Tags from the TagSpecifications whose resource type is {@code resourceType}. */
  public static List<Tag> fromSpecifications(List<TagSpecification> specs, String resourceType) {
    if (specs == null) {
      return List.of();
    }
    return specs.stream().filter(s -> resourceType.equals(s.resourceTypeAsString()))
        .flatMap(s -> s.tags().stream()).toList();
  }

  /** Every tagged resource of a scope, for DescribeTags. */
  public Map<String, Map<String, String>> all(Scope scope) {
    var byId = tags.get(scope);
    if (byId == null) {
      return Map.of();
    }
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    byId.forEach((id, m) -> { if (!m.isEmpty()) out.put(id, Map.copyOf(m)); });
    return out;
  }

  public void clear() {
    tags.clear();
  }
}
