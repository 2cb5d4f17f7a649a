/**
 * Elastic Load Balancing v2: Network and Application Load Balancers, listeners, rules, target
 * groups, targets and their health.
 */
@NullMarked
package dev.privatelink.control.elb;

import org.jspecify.annotations.NullMarked;
