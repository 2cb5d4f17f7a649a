/**
 * Generic codecs between AWS wire formats and the AWS SDK for Java v2 model classes. The model
 * classes list their fields with wire names, list member names and types ({@code SdkField}), so
 * one decoder and one encoder per protocol serve every action, rather than code per action.
 */
@NullMarked
package dev.privatelink.wire;

import org.jspecify.annotations.NullMarked;
