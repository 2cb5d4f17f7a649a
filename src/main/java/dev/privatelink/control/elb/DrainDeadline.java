package dev.privatelink.control.elb;

import java.time.Instant;

/**
 * A draining target and when its deregistration delay has passed: the data plane reports
 * {@code ControlEvent.Tick(targetGroupArn)} at {@code due} to remove it.
 */
public record DrainDeadline(String targetGroupArn, String targetId, int port, Instant due) {}
