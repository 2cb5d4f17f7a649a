/**
 * VPCs, their attributes and the defaults a new VPC comes with.
 */
@NullMarked
package dev.privatelink.control.ec2.vpc;

import org.jspecify.annotations.NullMarked;
