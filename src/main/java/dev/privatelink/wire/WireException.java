package dev.privatelink.wire;

/**
 * A request the codec could not read: the parameter is missing, malformed or unknown. The API
 * turns it into the error each protocol uses (EC2: MissingParameter/InvalidParameterValue/
 * UnknownParameter; ELBv2 and STS: ValidationError; ACM: ValidationException/SerializationException).
 */
public final class WireException extends RuntimeException {
  /** Why the request could not be read. */
  public enum Kind { MISSING, MALFORMED, UNKNOWN }

  private final Kind kind;
  private final String parameter;

  public WireException(Kind kind, String parameter, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.parameter = parameter;
  }

  public Kind kind() {
    return kind;
  }

  public String parameter() {
    return parameter;
  }
}
