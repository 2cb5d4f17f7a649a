/**
 * The region's AWS-managed prefix lists (S3 and DynamoDB), as DescribePrefixLists and the managed
 * prefix list actions show them.
 */
@NullMarked
package dev.privatelink.control.ec2.prefixlist;

import org.jspecify.annotations.NullMarked;
