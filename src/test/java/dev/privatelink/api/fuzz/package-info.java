/** The fuzz test of the API, generated from botocore's service models. */
@NullMarked
package dev.privatelink.api.fuzz;

import org.jspecify.annotations.NullMarked;
