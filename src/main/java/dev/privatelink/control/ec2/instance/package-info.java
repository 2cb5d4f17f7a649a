/**
 * Instances: launch, lifecycle, volumes, instance types and console output.
 */
@NullMarked
package dev.privatelink.control.ec2.instance;

import org.jspecify.annotations.NullMarked;
