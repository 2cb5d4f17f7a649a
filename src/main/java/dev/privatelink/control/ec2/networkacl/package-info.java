/**
 * Network ACLs: the default ACL of each VPC, described as AWS describes it (shown, not enforced).
 */
@NullMarked
package dev.privatelink.control.ec2.networkacl;

import org.jspecify.annotations.NullMarked;
