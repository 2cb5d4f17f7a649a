/** Benchmark programs that the scripts in {@code bench/} run; never timed assertions in tests. */
@NullMarked
package dev.privatelink.bench;

import org.jspecify.annotations.NullMarked;
