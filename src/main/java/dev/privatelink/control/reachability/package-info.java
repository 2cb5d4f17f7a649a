/**
 * Reachability Analyzer: network insights paths and analyses, computed from the control-plane
 * state alone (security groups, network ACLs, routes, endpoint and service states, load balancer
 * nodes, listeners, target groups and target health), so an analysis is deterministic and replays
 * identically.
 */
@NullMarked
package dev.privatelink.control.reachability;

import org.jspecify.annotations.NullMarked;
