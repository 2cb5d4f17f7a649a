/** Processes named safely across restarts and pid reuse; depends on nothing else in the project. */
package dev.privatelink.util.process;
