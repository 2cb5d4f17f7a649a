/**
 * Durability: the data directory and the journal of acknowledged mutations.
 */
@NullMarked
package dev.privatelink.store;

import org.jspecify.annotations.NullMarked;
