/**
 * Network namespaces and host commands: {@code setns(2)}, ownership records and the reaper of
 * leftovers.
 */
@NullMarked
package dev.privatelink.dataplane.netns;

import org.jspecify.annotations.NullMarked;
