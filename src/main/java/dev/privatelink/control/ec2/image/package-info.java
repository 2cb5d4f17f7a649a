/**
 * The catalogue of machine images that {@code RunInstances} and {@code DescribeImages} know.
 */
@NullMarked
package dev.privatelink.control.ec2.image;

import org.jspecify.annotations.NullMarked;
