/**
 * EC2 tags, kept in one table for every resource kind.
 */
@NullMarked
package dev.privatelink.control.tags;

import org.jspecify.annotations.NullMarked;
