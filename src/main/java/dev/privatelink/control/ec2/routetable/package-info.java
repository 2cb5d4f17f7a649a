/**
 * Route tables, their routes and their associations with subnets.
 */
@NullMarked
package dev.privatelink.control.ec2.routetable;

import org.jspecify.annotations.NullMarked;
