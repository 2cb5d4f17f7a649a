/**
 * DHCP options sets: the default one every account has in each region, the ones users make, and
 * their association with VPCs.
 */
@NullMarked
package dev.privatelink.control.ec2.dhcp;

import org.jspecify.annotations.NullMarked;
