package dev.privatelink.control.ec2.flowlog;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.CreateFlowLogsRequest;
import software.amazon.awssdk.services.ec2.model.FlowLogsResourceType;
import software.amazon.awssdk.services.ec2.model.LogDestinationType;
import software.amazon.awssdk.services.ec2.model.TrafficType;

/**
 * The checks of a CreateFlowLogs request as a whole, before any resource is looked at. Only
 * CloudWatch Logs is a destination here: S3 buckets and Firehose streams do not exist in this
 * cloud, so a flow log naming one is refused as AWS refuses a destination that does not exist.
 */
final class FlowLogRequests {
  private static final Set<Integer> INTERVALS = Set.of(60, 600);
  private static final String GROUP_ARN = "arn:aws:logs:";

  private FlowLogRequests() {}

  /** What a valid request asks for, resolved (the log group by name, the format with its default). */
  record Checked(FlowLogsResourceType resourceType, TrafficType trafficType, String logGroupName, String logFormat,
      int maxAggregationInterval) {}

  static Checked check(CreateFlowLogsRequest request, Scope scope, FlowLogDestinations destinations) {
    if (!request.hasResourceIds() || request.resourceIds().isEmpty()) {
      throw Ec2Errors.required("ResourceIds");
    }
    FlowLogsResourceType type = request.resourceType();
    if (type == null || type == FlowLogsResourceType.UNKNOWN_TO_SDK_VERSION) {
      throw AwsException.invalidParameterValue("Value (" + request.resourceTypeAsString()
          + ") for parameter ResourceType is invalid.");
    }
    if (type == FlowLogsResourceType.TRANSIT_GATEWAY || type == FlowLogsResourceType.TRANSIT_GATEWAY_ATTACHMENT) {
      throw AwsException.badRequest("InvalidParameter", "Transit gateways are not served by this cloud.");
    }
    TrafficType traffic = request.trafficType();
    if (traffic == null) {
      throw Ec2Errors.required("TrafficType");
    }
    if (traffic == TrafficType.UNKNOWN_TO_SDK_VERSION) {
      throw AwsException.invalidParameterValue("Value (" + request.trafficTypeAsString() + ") for parameter TrafficType is invalid.");
    }
    String group = destination(request, scope);
    String format = request.logFormat() == null ? FlowLogFormat.DEFAULT : request.logFormat();
    FlowLogFormat.parse(format);
    int interval = request.maxAggregationInterval() == null ? 600 : request.maxAggregationInterval();
    if (!INTERVALS.contains(interval)) {
      throw AwsException.badRequest("InvalidParameter", "Invalid MaxAggregationInterval " + interval
          + ". Valid values are 60 and 600.");
    }
    return new Checked(type, traffic, group, format, interval);
  }

  private static String destination(CreateFlowLogsRequest request, Scope scope) {
    LogDestinationType dest = request.logDestinationType() == null ? LogDestinationType.CLOUD_WATCH_LOGS
        : request.logDestinationType();
    if (dest == LogDestinationType.S3 || dest == LogDestinationType.KINESIS_DATA_FIREHOSE) {
      if (dest == LogDestinationType.S3 && request.deliverLogsPermissionArn() != null) {
        throw AwsException.badRequest("InvalidParameter", "DeliverLogsPermissionArn is not applicable for s3 delivery");
      }
      throw AwsException.badRequest("InvalidParameter", "LogDestination: " + request.logDestination()
          + " does not exist");
    }
    if (dest != LogDestinationType.CLOUD_WATCH_LOGS) {
      throw AwsException.invalidParameterValue("Value (" + request.logDestinationTypeAsString()
          + ") for parameter LogDestinationType is invalid.");
    }
    if (request.logGroupName() != null && request.logDestination() != null) {
      throw AwsException.badRequest("InvalidParameter", "Please only provide LogGroupName or only provide LogDestination.");
    }
    if (request.deliverLogsPermissionArn() == null) {
      throw AwsException.badRequest("InvalidParameter",
          "DeliverLogsPermissionArn is required when the log destination type is cloud-watch-logs.");
    }
    if (request.logGroupName() != null) {
      return request.logGroupName();
    }
    String arn = request.logDestination();
    String prefix = GROUP_ARN + scope.region() + ":" + scope.accountId() + ":log-group:";
    if (arn == null) {
      throw AwsException.badRequest("InvalidParameter", "Please provide either LogGroupName or LogDestination.");
    }
    if (!arn.startsWith(prefix) || arn.endsWith(":*")) {
      throw AwsException.badRequest("InvalidParameter", "LogDestination: " + arn + " is not a valid CloudWatch Logs log group ARN.");
    }
    return arn.substring(prefix.length());
  }
}
