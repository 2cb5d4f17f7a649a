/**
 * Amazon EC2's control plane: the shared state, names, errors and events of the EC2 features in
 * the packages below.
 */
@NullMarked
package dev.privatelink.control.ec2;

import org.jspecify.annotations.NullMarked;
