/**
 * Amazon CloudWatch Logs as data: log groups with retention and tags, log streams and their events,
 * and the filter-pattern language FilterLogEvents reads. VPC Flow Logs deliver here.
 */
@NullMarked
package dev.privatelink.control.logs;

import org.jspecify.annotations.NullMarked;
