/**
 * What EC2's Describe calls share: filters and paging.
 */
@NullMarked
package dev.privatelink.control.query;

import org.jspecify.annotations.NullMarked;
