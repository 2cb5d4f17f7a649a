/** Small concurrency building blocks; depends on nothing else in the project, so every layer may use it. */
@NullMarked
package dev.privatelink.util.concurrent;

import org.jspecify.annotations.NullMarked;
