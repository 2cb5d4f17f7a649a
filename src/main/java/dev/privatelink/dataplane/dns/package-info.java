/**
 * AmazonProvidedDNS: a resolver in each VPC for instance, load balancer and endpoint names.
 */
@NullMarked
package dev.privatelink.dataplane.dns;

import org.jspecify.annotations.NullMarked;
