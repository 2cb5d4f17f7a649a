/**
 * The host side of the cloud: reconciles Linux (namespaces, nftables, processes, sockets) to a
 * {@link dev.privatelink.dataplane.spec.HostState} and reports what it achieved.
 */
@NullMarked
package dev.privatelink.dataplane;

import org.jspecify.annotations.NullMarked;
