/**
 * What {@code privatelink terraform} generates for Terraform: the AWS provider override that
 * points the default and every aliased {@code aws} provider at the local cloud, and the CLI
 * configuration that installs providers from a filesystem mirror found on the machine.
 */
@NullMarked
package dev.privatelink.terraform;

import org.jspecify.annotations.NullMarked;
