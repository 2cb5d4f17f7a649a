package dev.privatelink.control.ec2.flowlog;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ScopedTable;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.TagSpecs;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import dev.privatelink.control.query.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.CreateFlowLogsRequest;
import software.amazon.awssdk.services.ec2.model.CreateFlowLogsResponse;
import software.amazon.awssdk.services.ec2.model.DeleteFlowLogsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteFlowLogsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeFlowLogsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeFlowLogsResponse;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import software.amazon.awssdk.services.ec2.model.LogDestinationType;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulItem;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulItemError;

/**
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateFlowLogs.html">CreateFlowLogs</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeFlowLogs.html">DescribeFlowLogs</a> and
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteFlowLogs.html">DeleteFlowLogs</a>.
 * The request as a whole is checked first (AWS's errors); each resource then succeeds or lands in
 * {@code Unsuccessful} with its own error (unknown id, an identical flow log already there), as
 * AWS answers. A missing log group is created, as the flow logs service does with its role.
 */
public final class FlowLogActions implements ActionHandler {
  static final String TAG_TYPE = "vpc-flow-log";
  private final ScopedTable<FlowLogRecord> flowLogs;
  private final Ec2State ec2;
  private final FlowLogDestinations destinations;

  FlowLogActions(ScopedTable<FlowLogRecord> flowLogs, Ec2State ec2, FlowLogDestinations destinations) {
    this.flowLogs = flowLogs;
    this.ec2 = ec2;
    this.destinations = destinations;
  }

  public CreateFlowLogsResponse createFlowLogs(RequestContext ctx, CreateFlowLogsRequest request) {
    FlowLogRequests.Checked checked = FlowLogRequests.check(request, ctx.scope(), destinations);
    TagSpecs.validate(ec2.tags(), ctx.scope(), request.tagSpecifications(), TAG_TYPE);
    Optional<CreateFlowLogsResponse> replay = replay(ctx.scope(), request.clientToken());
    if (replay.isPresent()) {
      return replay.get();
    }
    List<String> ids = new ArrayList<>();
    List<UnsuccessfulItem> failed = new ArrayList<>();
    for (String resourceId : request.resourceIds()) {
      Optional<AwsException> problem = problem(ctx.scope(), checked, resourceId);
      if (problem.isPresent()) {
        failed.add(UnsuccessfulItem.builder().resourceId(resourceId).error(UnsuccessfulItemError.builder()
            .code(problem.get().code()).message(problem.get().getMessage()).build()).build());
        continue;
      }
      String id = ctx.ids().ec2Id("fl");
      flowLogs.put(ctx.scope(), id, new FlowLogRecord(id, resourceId, request.resourceType(), request.trafficType(),
          checked.logGroupName(), request.deliverLogsPermissionArn(), checked.logFormat(), checked.maxAggregationInterval(),
          ctx.now().toEpochMilli(), request.clientToken()));
      TagSpecs.apply(ec2.tags(), ctx.scope(), id, request.tagSpecifications(), TAG_TYPE);
      ids.add(id);
    }
    if (!ids.isEmpty()) {
      destinations.ensureGroup(ctx.scope(), checked.logGroupName(), ctx.now());
    }
    return CreateFlowLogsResponse.builder().clientToken(request.clientToken()).flowLogIds(ids).unsuccessful(failed).build();
  }

  @ReadOnly
  public DescribeFlowLogsResponse describeFlowLogs(RequestContext ctx, DescribeFlowLogsRequest request) {
    List<FlowLogRecord> all = flowLogs.all(ctx.scope());
    List<FlowLogRecord> wanted = request.hasFlowLogIds()
        ? all.stream().filter(r -> request.flowLogIds().contains(r.flowLogId())).toList() : all;
    List<FlowLogRecord> matching = Filters.<FlowLogRecord>of(r -> ec2.tags().map(ctx.scope(), r.flowLogId()))
        .one("deliver-log-status", r -> "SUCCESS").one("log-destination-type", r -> "cloud-watch-logs")
        .one("flow-log-id", FlowLogRecord::flowLogId).one("log-group-name", FlowLogRecord::logGroupName)
        .one("resource-id", FlowLogRecord::resourceId).one("traffic-type", r -> r.trafficType().toString()).build()
        .apply(wanted, request.filter());
    Page<FlowLogRecord> page = Page.of(matching, FlowLogRecord::flowLogId, request.maxResults(), request.nextToken(),
        Describe::badToken);
    return DescribeFlowLogsResponse.builder().flowLogs(page.items().stream().map(r -> render(ctx.scope(), r)).toList())
        .nextToken(page.nextToken()).build();
  }

  public DeleteFlowLogsResponse deleteFlowLogs(RequestContext ctx, DeleteFlowLogsRequest request) {
    if (!request.hasFlowLogIds() || request.flowLogIds().isEmpty()) {
      throw Ec2Errors.required("FlowLogIds");
    }
    List<UnsuccessfulItem> failed = new ArrayList<>();
    for (String id : request.flowLogIds()) {
      if (flowLogs.remove(ctx.scope(), id) == null) {
        AwsException e = notFound(id);
        failed.add(UnsuccessfulItem.builder().resourceId(id).error(UnsuccessfulItemError.builder()
            .code(e.code()).message(e.getMessage()).build()).build());
      } else {
        ec2.tags().drop(ctx.scope(), id);
      }
    }
    return DeleteFlowLogsResponse.builder().unsuccessful(failed).build();
  }

  static AwsException notFound(String id) {
    return AwsException.badRequest("InvalidFlowLogId.NotFound", "These flow log ids in the input list are not found: "
        + "[TotalCount: 1] " + id);
  }

  private Optional<CreateFlowLogsResponse> replay(Scope scope, @org.jspecify.annotations.Nullable String token) {
    if (token == null) {
      return Optional.empty();
    }
    List<String> ids = flowLogs.all(scope).stream().filter(r -> token.equals(r.clientToken())).map(FlowLogRecord::flowLogId).toList();
    return ids.isEmpty() ? Optional.empty()
        : Optional.of(CreateFlowLogsResponse.builder().clientToken(token).flowLogIds(ids).build());
  }

  private Optional<AwsException> problem(Scope scope, FlowLogRequests.Checked checked, String resourceId) {
    boolean exists = switch (checked.resourceType()) {
      case VPC -> ec2.vpcs().find(scope, resourceId).isPresent();
      case SUBNET -> ec2.subnets().find(scope, resourceId).isPresent();
      case NETWORK_INTERFACE -> ec2.networkInterfaces().find(scope, resourceId).isPresent();
      default -> false;
    };
    if (!exists) {
      return Optional.of(switch (checked.resourceType()) {
        case VPC -> Ec2Errors.vpcNotFound(resourceId);
        case SUBNET -> Ec2Errors.subnetNotFound(resourceId);
        default -> Ec2Errors.networkInterfaceNotFound(resourceId);
      });
    }
    boolean duplicate = flowLogs.all(scope).stream().anyMatch(r -> r.resourceId().equals(resourceId)
        && r.trafficType() == checked.trafficType() && r.logGroupName().equals(checked.logGroupName()));
    return duplicate ? Optional.of(AwsException.badRequest("FlowLogAlreadyExists",
        "Error. There is an existing Flow Log with the same configuration and log destination.")) : Optional.empty();
  }

  private FlowLog render(Scope scope, FlowLogRecord r) {
    return FlowLog.builder().flowLogId(r.flowLogId()).creationTime(Instant.ofEpochMilli(r.creationTime()))
        .deliverLogsPermissionArn(r.deliverLogsPermissionArn()).deliverLogsStatus("SUCCESS").flowLogStatus("ACTIVE")
        .logGroupName(r.logGroupName()).resourceId(r.resourceId()).trafficType(r.trafficType())
        .logDestinationType(LogDestinationType.CLOUD_WATCH_LOGS)
        .logDestination("arn:aws:logs:" + scope.region() + ":" + scope.accountId() + ":log-group:" + r.logGroupName())
        .logFormat(r.logFormat()).maxAggregationInterval(r.maxAggregationInterval()).tags(ec2.tags().of(scope, r.flowLogId()))
        .build();
  }
}
