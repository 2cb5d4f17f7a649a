/** Tests that span the whole code base. */
@NullMarked
package dev.privatelink;

import org.jspecify.annotations.NullMarked;
