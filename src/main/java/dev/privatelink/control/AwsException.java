package dev.privatelink.control;

/**
 * An error AWS would return: its code (e.g. {@code InvalidVpcID.NotFound}), a message of the kind
 * AWS writes, and the HTTP status. Thrown by the control plane before it changes any state.
 */
public final class AwsException extends RuntimeException {
  private final String code;
  private final int status;

  public AwsException(String code, String message, int status) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
  }

  /** A client error (HTTP 400), the status of nearly every AWS validation error. */
  public static AwsException badRequest(String code, String message) {
    return new AwsException(code, message, 400);
  }

  public static AwsException invalidParameterValue(String message) {
    return badRequest("InvalidParameterValue", message);
  }

  public static AwsException missingParameter(String message) {
    return badRequest("MissingParameter", message);
  }

  public static AwsException invalidParameterCombination(String message) {
    return badRequest("InvalidParameterCombination", message);
  }

  public static AwsException dependencyViolation(String message) {
    return badRequest("DependencyViolation", message);
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }
}
