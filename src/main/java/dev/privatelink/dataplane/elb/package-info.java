/**
 * The load balancers that carry traffic: NLB nodes (TCP relays, Proxy Protocol v2) and ALB nodes
 * (TLS, HTTP/1.1 and HTTP/2, rules), with their health checks.
 */
@NullMarked
package dev.privatelink.dataplane.elb;

import org.jspecify.annotations.NullMarked;
