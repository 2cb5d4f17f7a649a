/**
 * Port forwarding from the host into a VPC, as SSM port forwarding does on AWS: a listener on
 * 127.0.0.1 whose connections are dialled from inside one of the cloud's namespaces.
 */
@NullMarked
package dev.privatelink.dataplane.forward;

import org.jspecify.annotations.NullMarked;
