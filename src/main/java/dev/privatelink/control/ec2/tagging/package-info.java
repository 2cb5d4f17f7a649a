/**
 * EC2's {@code CreateTags}, {@code DeleteTags} and {@code DescribeTags} over every taggable
 * resource.
 */
@NullMarked
package dev.privatelink.control.ec2.tagging;

import org.jspecify.annotations.NullMarked;
