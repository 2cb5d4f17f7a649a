package dev.privatelink.control.logs;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceResponse;

/**
 * Tags of log groups, by ARN
 * (<a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_TagResource.html">TagResource</a>,
 * UntagResource, ListTagsForResource) and by name through the older TagLogGroup, UntagLogGroup and
 * ListTagsLogGroup. At most 50 tags a group, as AWS allows.
 */
public final class LogTagActions implements ActionHandler {
  private static final int MAX_TAGS = 50;
  private final LogsState state;

  LogTagActions(LogsState state) {
    this.state = state;
  }

  public TagResourceResponse tagResource(RequestContext ctx, TagResourceRequest request) {
    tag(ctx.scope(), byArn(ctx.scope(), request.resourceArn()), request.tags());
    return TagResourceResponse.builder().build();
  }

  public UntagResourceResponse untagResource(RequestContext ctx, UntagResourceRequest request) {
    untag(ctx.scope(), byArn(ctx.scope(), request.resourceArn()), request.tagKeys());
    return UntagResourceResponse.builder().build();
  }

  @ReadOnly
  public ListTagsForResourceResponse listTagsForResource(RequestContext ctx, ListTagsForResourceRequest request) {
    return ListTagsForResourceResponse.builder().tags(byArn(ctx.scope(), request.resourceArn()).tags()).build();
  }

  public TagLogGroupResponse tagLogGroup(RequestContext ctx, TagLogGroupRequest request) {
    tag(ctx.scope(), LogGroupActions.find(state, ctx.scope(), request.logGroupName(), null), request.tags());
    return TagLogGroupResponse.builder().build();
  }

  public UntagLogGroupResponse untagLogGroup(RequestContext ctx, UntagLogGroupRequest request) {
    untag(ctx.scope(), LogGroupActions.find(state, ctx.scope(), request.logGroupName(), null), request.tags());
    return UntagLogGroupResponse.builder().build();
  }

  @ReadOnly
  public ListTagsLogGroupResponse listTagsLogGroup(RequestContext ctx, ListTagsLogGroupRequest request) {
    return ListTagsLogGroupResponse.builder()
        .tags(LogGroupActions.find(state, ctx.scope(), request.logGroupName(), null).tags()).build();
  }

  static void checkTags(Map<String, String> tags) {
    if (tags.size() > MAX_TAGS) {
      throw LogsErrors.invalid("Too many tags: a log group can have at most " + MAX_TAGS + " tags.");
    }
    for (String key : tags.keySet()) {
      if (key.isEmpty() || key.length() > 128 || key.startsWith("aws:")) {
        throw LogsErrors.validation(key, "tags", "Member must satisfy regular expression pattern: ^(?!aws:)[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+$");
      }
    }
  }

  private LogGroupRow byArn(Scope scope, String arn) {
    String name = Logs.groupNameOf(scope, arn).orElseThrow(() -> arn.startsWith("arn:aws:logs:")
        ? LogsErrors.groupNotFound() : LogsErrors.invalid("Invalid resourceArn: " + arn));
    return state.groups.find(scope, name).orElseThrow(LogsErrors::groupNotFound);
  }

  private void tag(Scope scope, LogGroupRow group, Map<String, String> tags) {
    Map<String, String> merged = new TreeMap<>(group.tags());
    merged.putAll(tags);
    checkTags(merged);
    state.groups.put(scope, group.name(), group.withTags(merged));
  }

  private void untag(Scope scope, LogGroupRow group, Collection<String> keys) {
    Map<String, String> left = new TreeMap<>(group.tags());
    keys.forEach(left::remove);
    state.groups.put(scope, group.name(), group.withTags(left));
  }
}
