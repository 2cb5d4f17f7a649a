package dev.privatelink.control.logs;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.query.Page;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroupClass;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyResponse;

/**
 * Log groups and their retention:
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html">CreateLogGroup</a>,
 * DeleteLogGroup (with its streams and events), DescribeLogGroups (prefix or pattern, at most 50
 * a page), PutRetentionPolicy (AWS's list of day counts) and DeleteRetentionPolicy.
 */
public final class LogGroupActions implements ActionHandler {
  static final Pattern GROUP_NAME = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");
  private static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
      731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
  private final LogsState state;

  LogGroupActions(LogsState state) {
    this.state = state;
  }

  public CreateLogGroupResponse createLogGroup(RequestContext ctx, CreateLogGroupRequest request) {
    String name = request.logGroupName();
    checkName(name);
    if (request.logGroupClass() == LogGroupClass.UNKNOWN_TO_SDK_VERSION) {
      throw LogsErrors.validation(request.logGroupClassAsString(), "logGroupClass",
          "Member must satisfy enum value set: [INFREQUENT_ACCESS, STANDARD, DELIVERY]");
    }
    LogTagActions.checkTags(request.tags());
    if (state.groups.find(ctx.scope(), name).isPresent()) {
      throw LogsErrors.groupExists();
    }
    state.groups.put(ctx.scope(), name, new LogGroupRow(name, arn(ctx.scope(), name), ctx.now().toEpochMilli(), null,
        new java.util.TreeMap<>(request.tags())));
    return CreateLogGroupResponse.builder().build();
  }

  public DeleteLogGroupResponse deleteLogGroup(RequestContext ctx, DeleteLogGroupRequest request) {
    LogGroupRow group = find(state, ctx.scope(), request.logGroupName(), null);
    state.groups.remove(ctx.scope(), group.name());
    for (LogStreamRow s : Logs.streamsOf(state, ctx.scope(), group.name())) {
      state.streams.remove(ctx.scope(), LogStreamRow.key(s.groupName(), s.name()));
    }
    return DeleteLogGroupResponse.builder().build();
  }

  @ReadOnly
  public DescribeLogGroupsResponse describeLogGroups(RequestContext ctx, DescribeLogGroupsRequest request) {
    if (request.logGroupNamePrefix() != null && request.logGroupNamePattern() != null) {
      throw LogsErrors.invalid("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
    }
    Integer limit = LogStreamActions.limit(request.limit(), 50);
    List<LogGroupRow> groups = state.groups.all(ctx.scope()).stream()
        .filter(g -> request.logGroupNamePrefix() == null || g.name().startsWith(request.logGroupNamePrefix()))
        .filter(g -> request.logGroupNamePattern() == null
            || g.name().toLowerCase(java.util.Locale.ROOT).contains(request.logGroupNamePattern().toLowerCase(java.util.Locale.ROOT)))
        .filter(g -> !request.hasLogGroupIdentifiers() || request.logGroupIdentifiers().contains(g.name())
            || request.logGroupIdentifiers().contains(g.arn().substring(0, g.arn().length() - 2)))
        .sorted(java.util.Comparator.comparing(LogGroupRow::name)).toList();
    Page<LogGroupRow> page = Page.of(groups, LogGroupRow::name, limit, request.nextToken(), LogStreamActions::badToken);
    return DescribeLogGroupsResponse.builder().logGroups(page.items().stream().map(g -> render(ctx.scope(), g)).toList())
        .nextToken(page.nextToken()).build();
  }

  public PutRetentionPolicyResponse putRetentionPolicy(RequestContext ctx, PutRetentionPolicyRequest request) {
    LogGroupRow group = find(state, ctx.scope(), request.logGroupName(), null);
    Integer days = request.retentionInDays();
    if (days == null || !RETENTION_DAYS.contains(days)) {
      throw LogsErrors.validation(String.valueOf(days), "retentionInDays", "Member must satisfy enum value set: "
          + RETENTION_DAYS.stream().sorted().toList());
    }
    state.groups.put(ctx.scope(), group.name(), group.withRetention(days));
    return PutRetentionPolicyResponse.builder().build();
  }

  public DeleteRetentionPolicyResponse deleteRetentionPolicy(RequestContext ctx, DeleteRetentionPolicyRequest request) {
    LogGroupRow group = find(state, ctx.scope(), request.logGroupName(), null);
    state.groups.put(ctx.scope(), group.name(), group.withRetention(null));
    return DeleteRetentionPolicyResponse.builder().build();
  }

  /** The group a request names by {@code logGroupName} or {@code logGroupIdentifier} (a name or an ARN). */
  static LogGroupRow find(LogsState state, Scope scope, @Nullable String name, @Nullable String identifier) {
    if (name != null && identifier != null) {
      throw LogsErrors.invalid("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
    }
    String wanted = name != null ? name : identifier;
    if (wanted == null) {
      throw LogsErrors.invalid("Either LogGroup name or LogGroup ARN must be provided.");
    }
    if (wanted.startsWith("arn:")) {
      wanted = Logs.groupNameOf(scope, wanted).orElseThrow(LogsErrors::groupNotFound);
    }
    return state.groups.find(scope, wanted).orElseThrow(LogsErrors::groupNotFound);
  }

  static String arn(Scope scope, String name) {
    return "arn:aws:logs:" + scope.region() + ":" + scope.accountId() + ":log-group:" + name + ":*";
  }

  private static void checkName(String name) {
    if (!GROUP_NAME.matcher(name).matches()) {
      throw LogsErrors.validation(name, "logGroupName", "Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
    }
  }

  private LogGroup render(Scope scope, LogGroupRow g) {
    long stored = Logs.streamsOf(state, scope, g.name()).stream().mapToLong(LogStreamRow::storedBytes).sum();
    return LogGroup.builder().logGroupName(g.name()).creationTime(g.creationTime()).retentionInDays(g.retentionInDays())
        .metricFilterCount(0).arn(g.arn()).storedBytes(stored).logGroupClass(LogGroupClass.STANDARD)
        .logGroupArn(g.arn().substring(0, g.arn().length() - 2)).build();
  }
}
