/**
 * Elastic network interfaces: their addresses in a subnet, public addresses, and the interfaces
 * other resources own.
 */
@NullMarked
package dev.privatelink.control.ec2.eni;

import org.jspecify.annotations.NullMarked;
