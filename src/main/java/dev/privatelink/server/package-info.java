/**
 * The running cloud: the control plane, the journal, the API server and the data plane tied
 * together, with the projection of state onto the host and the loop that reconciles it.
 */
@NullMarked
package dev.privatelink.server;

import org.jspecify.annotations.NullMarked;
