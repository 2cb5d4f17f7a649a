/** Benchmarks, run on demand (tag {@code bench}), never as timed assertions. */
@NullMarked
package dev.privatelink.bench;

import org.jspecify.annotations.NullMarked;
