/**
 * Test helpers: {@code LocalCloudExtension}, {@code @NetnsTest}, moto's server, raw HTTP requests
 * and response recorders.
 */
@NullMarked
package dev.privatelink.testing;

import org.jspecify.annotations.NullMarked;
