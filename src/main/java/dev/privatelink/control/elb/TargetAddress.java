package dev.privatelink.control.elb;

import org.jspecify.annotations.Nullable;

/**
 * A registered target resolved to the address traffic goes to: an instance to its private IP, an
 * {@code alb} target to one entry per ALB node, an {@code ip} target to itself.
 *
 * @param availabilityZone the zone, or null for an ip target registered without one
 * @param draining true once deregistered, until the deregistration delay has passed
 * @see <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RegisterTargets.html">RegisterTargets</a>
 */
public record TargetAddress(String targetId, String ip, int port, @Nullable String availabilityZone, boolean draining) {}
