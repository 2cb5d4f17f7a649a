package dev.privatelink.control.elb;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;

/**
 * Tags of load balancers, target groups, listeners and rules.
 *
 * @see <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_AddTags.html">AddTags</a>,
 *     <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RemoveTags.html">RemoveTags</a>,
 *     <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTags.html">DescribeTags</a>
 */
public final class ElbTagging implements ActionHandler {
  private static final int MAX_TAGS = 50;
  private final ElbState state;

  ElbTagging(ElbState state) {
    this.state = state;
  }

  public AddTagsResponse addTags(RequestContext ctx, AddTagsRequest request) {
    Scope scope = ctx.scope();
    request.resourceArns().forEach(arn -> checkExists(scope, arn));
    request.resourceArns().forEach(arn -> validate(state.tagsOf(scope, arn), request.tags()));
    request.resourceArns().forEach(arn -> put(scope, arn, request.tags()));
    return AddTagsResponse.builder().build();
  }

  public RemoveTagsResponse removeTags(RequestContext ctx, RemoveTagsRequest request) {
    Scope scope = ctx.scope();
    request.resourceArns().forEach(arn -> checkExists(scope, arn));
    for (String arn : request.resourceArns()) {
      Map<String, String> tags = new LinkedHashMap<>(state.tagsOf(scope, arn));
      request.tagKeys().forEach(tags::remove);
      state.tags.put(scope, arn, tags);
    }
    return RemoveTagsResponse.builder().build();
  }

  @ReadOnly
  public DescribeTagsResponse describeTags(RequestContext ctx, DescribeTagsRequest request) {
    Scope scope = ctx.scope();
    if (request.resourceArns().size() > 20) {
      throw ElbErrors.validation("Up to 20 resource ARNs can be specified");
    }
    request.resourceArns().forEach(arn -> checkExists(scope, arn));
    // One entry per ARN, even when the caller names one twice.
    return DescribeTagsResponse.builder().tagDescriptions(request.resourceArns().stream().distinct()
        .map(arn -> TagDescription.builder().resourceArn(arn).tags(sdkTags(state.tagsOf(scope, arn))).build())
        .toList()).build();
  }

  /** Checks tags given on a Create call (TooManyTags, DuplicateTagKeys, reserved keys). */
  static void validate(Map<String, String> existing, List<Tag> add) {
    Set<String> keys = new HashSet<>(existing.keySet());
    Set<String> seen = new HashSet<>();
    for (Tag t : add) {
      if (t.key() == null || t.key().isEmpty() || t.key().length() > 128) {
        throw ElbErrors.validation("Tag key must be between 1 and 128 characters");
      }
      if (t.value() != null && t.value().length() > 256) {
        throw ElbErrors.validation("Tag value must be at most 256 characters");
      }
      if (t.key().startsWith("aws:")) {
        throw ElbErrors.validation("Tag keys starting with 'aws:' are reserved");
      }
      if (!seen.add(t.key())) {
        throw ElbErrors.code("DuplicateTagKeys", "Tag key '" + t.key() + "' is duplicated");
      }
      keys.add(t.key());
    }
    if (keys.size() > MAX_TAGS) {
      throw ElbErrors.code("TooManyTags", "The quota for the number of tags that can be assigned to a resource (50) has been reached");
    }
  }

  void put(Scope scope, String arn, List<Tag> add) {
    if (add == null || add.isEmpty()) {
      return;
    }
    Map<String, String> tags = new LinkedHashMap<>(state.tagsOf(scope, arn));
    add.forEach(t -> tags.put(t.key(), t.value() == null ? "" : t.value()));
    state.tags.put(scope, arn, tags);
  }

  static List<Tag> sdkTags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  private void checkExists(Scope scope, String arn) {
    if (arn.contains(":loadbalancer/")) {
      state.loadBalancer(scope, arn);
    } else if (arn.contains(":targetgroup/")) {
      state.targetGroup(scope, arn);
    } else if (arn.contains(":listener/")) {
      state.listener(scope, arn);
    } else if (arn.contains(":listener-rule/")) {
      if (state.rules.find(scope, arn).isEmpty() && state.listenerOfDefaultRule(scope, arn).isEmpty()) {
        throw ElbErrors.ruleNotFound(arn);
      }
    } else {
      throw ElbErrors.validation("Invalid resource ARN '" + arn + "'");
    }
  }
}
