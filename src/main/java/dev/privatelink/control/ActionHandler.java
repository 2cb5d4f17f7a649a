package dev.privatelink.control;

/**
 * Marks a class whose public methods serve AWS actions. Each such method has the shape
 * {@code XxxResponse xxx(RequestContext ctx, XxxRequest request)} with the AWS SDK v2 model types
 * of action Xxx, validates everything before it changes anything, and throws {@link AwsException}
 * for AWS's errors. Actions named Describe*, List* and Get* must not change state.
 */
public interface ActionHandler {}
