/**
 * AWS STS: the caller identity.
 */
@NullMarked
package dev.privatelink.control.sts;

import org.jspecify.annotations.NullMarked;
