/**
 * Small values with no I/O shared by every layer: CIDRs, IPv4 addresses, identifiers and SSL
 * policies.
 */
@NullMarked
package dev.privatelink.model;

import org.jspecify.annotations.NullMarked;
