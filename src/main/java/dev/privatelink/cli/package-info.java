/**
 * The {@code privatelink} command line: one class per subcommand ({@code up}, {@code down}, {@code
 * serve}, {@code exec}, {@code status}, {@code notifications}, {@code terraform}); it holds no
 * cloud logic of its own.
 */
@NullMarked
package dev.privatelink.cli;

import org.jspecify.annotations.NullMarked;
