/**
 * Counting the flows of a VPC's router for flow logs: an nftables table of per-5-tuple counters
 * before and after the security groups, read every aggregation interval into {@code FlowSample}s.
 */
@NullMarked
package dev.privatelink.dataplane.flowlogs;

import org.jspecify.annotations.NullMarked;
