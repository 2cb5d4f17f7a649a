/**
 * The cloud as data: accounts, regions and every resource, with AWS's validation, error codes and
 * state machines. No I/O, no clocks, no randomness except through the {@link
 * dev.privatelink.control.RequestContext}, so that replaying the journal rebuilds the same state.
 */
@NullMarked
package dev.privatelink.control;

import org.jspecify.annotations.NullMarked;
