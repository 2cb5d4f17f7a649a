package dev.privatelink.control.acm;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ScopedTable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.acm.model.*;

/**
 * Tags of ACM certificates.
 *
 * @see <a href="https://docs.aws.amazon.com/acm/latest/APIReference/API_AddTagsToCertificate.html">AddTagsToCertificate</a>,
 *     RemoveTagsFromCertificate, ListTagsForCertificate
 */
public final class AcmTags implements ActionHandler {
  private static final int MAX_TAGS = 50;
  private final ScopedTable<Map<String, String>> tags = new ScopedTable<>();
  private final AcmCertificates certificates;

  AcmTags(AcmCertificates certificates) {
    this.certificates = certificates;
  }

  public AddTagsToCertificateResponse addTagsToCertificate(RequestContext ctx, AddTagsToCertificateRequest request) {
    Scope scope = ctx.scope();
    String arn = certificates.find(scope, request.certificateArn()).arn();
    if (request.tags().isEmpty()) {
      throw AwsException.badRequest("ValidationException", "At least one tag must be specified");
    }
    validate(List.copyOf(of(scope, arn).keySet()), request.tags());
    put(scope, arn, request.tags());
    return AddTagsToCertificateResponse.builder().build();
  }

  public RemoveTagsFromCertificateResponse removeTagsFromCertificate(RequestContext ctx,
      RemoveTagsFromCertificateRequest request) {
    Scope scope = ctx.scope();
    String arn = certificates.find(scope, request.certificateArn()).arn();
    Map<String, String> current = new LinkedHashMap<>(of(scope, arn));
    for (Tag t : request.tags()) {
      // A tag given with a value is removed only if the value matches, as ACM documents.
      if (t.value() == null || t.value().equals(current.get(t.key()))) {
        current.remove(t.key());
      }
    }
    tags.put(scope, arn, current);
    return RemoveTagsFromCertificateResponse.builder().build();
  }

  @ReadOnly
  public ListTagsForCertificateResponse listTagsForCertificate(RequestContext ctx, ListTagsForCertificateRequest request) {
    Scope scope = ctx.scope();
    String arn = certificates.find(scope, request.certificateArn()).arn();
    return ListTagsForCertificateResponse.builder().tags(of(scope, arn).entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build();
  }

  static void validate(List<String> existingKeys, List<Tag> add) {
    Set<String> keys = new HashSet<>(existingKeys);
    for (Tag t : add) {
      if (t.key() == null || t.key().isEmpty() || t.key().length() > 128
          || (t.value() != null && t.value().length() > 256)) {
        throw AwsException.badRequest("InvalidTagException", "Tag keys must be 1 to 128 characters and values at most 256");
      }
      if (t.key().startsWith("aws:")) {
        throw AwsException.badRequest("InvalidTagException", "Tag keys starting with 'aws:' are reserved");
      }
      keys.add(t.key());
    }
    if (keys.size() > MAX_TAGS) {
      throw AwsException.badRequest("TooManyTagsException", "A certificate can have at most 50 tags");
    }
  }

  void put(Scope scope, String arn, List<Tag> add) {
    Map<String, String> current = new LinkedHashMap<>(of(scope, arn));
    add.forEach(t -> current.put(t.key(), t.value() == null ? "" : t.value()));
    tags.put(scope, arn, current);
  }

  void drop(Scope scope, String arn) {
    tags.remove(scope, arn);
  }

  Map<String, String> of(Scope scope, String arn) {
    return tags.find(scope, arn).orElse(Map.of());
  }
}
