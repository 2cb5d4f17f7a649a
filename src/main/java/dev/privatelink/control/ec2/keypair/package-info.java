/**
 * EC2 key pairs: created, imported and described.
 */
@NullMarked
package dev.privatelink.control.ec2.keypair;

import org.jspecify.annotations.NullMarked;
