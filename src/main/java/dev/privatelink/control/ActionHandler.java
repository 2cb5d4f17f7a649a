package dev.privatelink.control;

/**
 * Marks a class whose public methods serve AWS actions. Each such method has the shape
 * {@code XxxResponse xxx(RequestContext ctx, XxxRequest request)} with the AWS SDK v2 model types
 * of action Xxx, validates everything before it changes anything, and throws {@link AwsException}
 * for AWS's errors. A method that only reads is annotated {@link ReadOnly} (AWS's Describe*, List*
 * and Get* actions); it must not change state.
 *
 * <p>A handler whose only fields are its collaborators is written as a record of them, which
 * spares each one the same fields-and-constructor preamble; it is not a value (equality between
 * handlers means nothing) and its accessors are not actions (they take no request).
 */
public interface ActionHandler {}
