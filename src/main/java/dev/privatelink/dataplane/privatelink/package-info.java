/**
 * Interface endpoints on the host: listeners on the endpoint ENIs that hand each flow to the NLB
 * node of the same zone.
 */
@NullMarked
package dev.privatelink.dataplane.privatelink;

import org.jspecify.annotations.NullMarked;
