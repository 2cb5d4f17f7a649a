/**
 * Internet gateways and their attachments to VPCs.
 */
@NullMarked
package dev.privatelink.control.ec2.gateway;

import org.jspecify.annotations.NullMarked;
