/**
 * The seed stack of the blog post, built through the AWS SDK as a user would build it.
 */
@NullMarked
package dev.privatelink.stacks;

import org.jspecify.annotations.NullMarked;
