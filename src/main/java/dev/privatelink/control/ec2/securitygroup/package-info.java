/**
 * Security groups and their rules, by CIDR and by group reference.
 */
@NullMarked
package dev.privatelink.control.ec2.securitygroup;

import org.jspecify.annotations.NullMarked;
