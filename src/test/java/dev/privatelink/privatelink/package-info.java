/** End-to-end tests of the seed system and PrivateLink through the AWS SDK. */
@NullMarked
package dev.privatelink.privatelink;

import org.jspecify.annotations.NullMarked;
