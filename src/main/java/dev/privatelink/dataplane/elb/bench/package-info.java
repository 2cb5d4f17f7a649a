/**
 * Load balancers started without a cloud, for the benchmarks in {@code bench/}.
 */
@NullMarked
package dev.privatelink.dataplane.elb.bench;

import org.jspecify.annotations.NullMarked;
