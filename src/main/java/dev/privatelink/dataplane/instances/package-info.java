/**
 * Instances on the host: their namespaces, their user data run once at boot and the compatibility
 * shims ({@code yum}, {@code systemctl}) it calls.
 */
@NullMarked
package dev.privatelink.dataplane.instances;

import org.jspecify.annotations.NullMarked;
