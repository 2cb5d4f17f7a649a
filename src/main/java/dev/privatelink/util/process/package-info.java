/** Processes named safely across restarts and pid reuse; depends on nothing else in the project. */
@NullMarked
package dev.privatelink.util.process;

import org.jspecify.annotations.NullMarked;
