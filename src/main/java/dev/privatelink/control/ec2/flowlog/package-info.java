/**
 * VPC Flow Logs: flow logs on a VPC, a subnet or a network interface, their record formats, and
 * the delivery of the flows the data plane observed to CloudWatch Logs.
 */
@NullMarked
package dev.privatelink.control.ec2.flowlog;

import org.jspecify.annotations.NullMarked;
