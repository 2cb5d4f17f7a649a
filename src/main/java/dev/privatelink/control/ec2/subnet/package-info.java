/**
 * Subnets: CIDRs within a VPC, their zone and their addresses.
 */
@NullMarked
package dev.privatelink.control.ec2.subnet;

import org.jspecify.annotations.NullMarked;
