/**
 * The regions and availability zones this cloud serves.
 */
@NullMarked
package dev.privatelink.control.ec2.region;

import org.jspecify.annotations.NullMarked;
