package dev.privatelink.control.ec2.flowlog;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.FlowLogsResourceType;
import software.amazon.awssdk.services.ec2.model.TrafficType;

/**
 * One flow log: what it watches (a VPC, subnet or network interface), which traffic, where it
 * delivers (a CloudWatch Logs group of its own account) and in which format.
 *
 * @param creationTime epoch milliseconds
 * @param maxAggregationInterval seconds, 60 or 600
 */
record FlowLogRecord(String flowLogId, String resourceId, FlowLogsResourceType resourceType, TrafficType trafficType,
    String logGroupName, String deliverLogsPermissionArn, String logFormat, int maxAggregationInterval, long creationTime,
    @Nullable String clientToken) {}
