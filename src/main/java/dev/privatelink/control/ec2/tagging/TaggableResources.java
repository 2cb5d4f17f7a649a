package dev.privatelink.control.ec2.tagging;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Scope;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The kinds of resource CreateTags, DeleteTags and DescribeTags accept, recognised by id prefix.
 * EC2 registers its own; other features (VPC endpoints {@code vpce-}, endpoint services
 * {@code vpce-svc-}, …) add theirs with {@link #register}. The longest matching prefix wins, so
 * {@code vpce-svc-} is not taken for {@code vpce-}.
 */
public final class TaggableResources {
  private final Map<String, Kind> byPrefix = new LinkedHashMap<>();

  /**
   * A kind of taggable resource.
   *
   * @param resourceType AWS's resource type as DescribeTags reports it, e.g. {@code vpc-endpoint}
   * @param exists whether an id of this kind exists in a scope
   * @param notFound the error for an id that does not exist
   */
  public record Kind(String resourceType, BiPredicate<Scope, String> exists, Function<String, AwsException> notFound) {}

  /** Accepts ids starting with {@code prefix + "-"}. */
  public void register(String prefix, String resourceType, BiPredicate<Scope, String> exists,
      Function<String, AwsException> notFound) {
    byPrefix.put(prefix + "-", new Kind(resourceType, exists, notFound));
  }

  public Optional<Kind> kindOf(String resourceId) {
    if (resourceId == null) {
      return Optional.empty();
    }
    return byPrefix.entrySet().stream().filter(e -> resourceId.startsWith(e.getKey()))
        .max(Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue);
  }

  /** Throws the kind's NotFound error, or InvalidID for an id of no known kind. */
  public void requireExists(Scope scope, String resourceId) {
    Kind kind = kindOf(resourceId).orElseThrow(() -> AwsException.badRequest("InvalidID",
        "The ID '" + resourceId + "' is not valid"));
    if (!kind.exists().test(scope, resourceId)) {
      throw kind.notFound().apply(resourceId);
    }
  }

  public String resourceTypeOf(String resourceId) {
    return kindOf(resourceId).map(Kind::resourceType).orElse("");
  }
}
