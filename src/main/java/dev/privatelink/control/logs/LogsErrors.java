package dev.privatelink.control.logs;

import dev.privatelink.control.AwsException;

/** CloudWatch Logs' errors, with the codes and messages its API answers. */
final class LogsErrors {
  private LogsErrors() {}

  static AwsException groupNotFound() {
    return AwsException.badRequest("ResourceNotFoundException", "The specified log group does not exist.");
  }

  static AwsException streamNotFound() {
    return AwsException.badRequest("ResourceNotFoundException", "The specified log stream does not exist.");
  }

  static AwsException groupExists() {
    return AwsException.badRequest("ResourceAlreadyExistsException", "The specified log group already exists");
  }

  static AwsException streamExists() {
    return AwsException.badRequest("ResourceAlreadyExistsException", "The specified log stream already exists");
  }

  static AwsException invalid(String message) {
    return AwsException.badRequest("InvalidParameterException", message);
  }

  /** A constraint of the service model, worded as AWS's request validation words it. */
  static AwsException validation(String value, String member, String constraint) {
    return AwsException.badRequest("InvalidParameterException",
        "1 validation error detected: Value '" + value + "' at '" + member + "' failed to satisfy constraint: " + constraint);
  }
}
