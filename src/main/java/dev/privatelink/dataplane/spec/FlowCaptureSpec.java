package dev.privatelink.dataplane.spec;

/**
 * A VPC whose router counts every flow for flow logs.
 *
 * @param maxAggregationInterval seconds: the shortest MaxAggregationInterval of the VPC's flow logs
 */
public record FlowCaptureSpec(String vpcId, int maxAggregationInterval) {}
