/**
 * The network fabric: a namespace per VPC router and per instance, veth pairs, routes and the
 * nftables rules of security groups.
 */
@NullMarked
package dev.privatelink.dataplane.fabric;

import org.jspecify.annotations.NullMarked;
