/**
 * Prefix lists: the AWS-managed lists of the gateway endpoint services and customer-managed
 * lists, with the look-ups security group rules and the data-plane projection use.
 */
@NullMarked
package dev.privatelink.control.ec2.prefixlist;

import org.jspecify.annotations.NullMarked;
