/**
 * The host picture the data plane must realise: plain records, computed from a version of the
 * control plane's state. The data plane reconciles the host to a {@link HostState}; it never reads
 * the control plane directly, and it reports what it achieved through a {@link StatusSink}.
 */
@NullMarked
package dev.privatelink.dataplane.spec;

import org.jspecify.annotations.NullMarked;
