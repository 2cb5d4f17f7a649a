package dev.privatelink.control;

/**
 * Marks a class whose public methods serve AWS actions. Each such method has the shape
 * {@code XxxResponse xxx(RequestContext ctx, XxxRequest request)} with the AWS SDK v2 model types
 * of action Xxx, validates everything before it changes anything, and throws {@link AwsException}
 * for AWS's errors. A method that only reads is annotated {@link ReadOnly} (AWS's Describe*, List*
 * and Get* actions); it must not change state.
 */
public interface ActionHandler {}
