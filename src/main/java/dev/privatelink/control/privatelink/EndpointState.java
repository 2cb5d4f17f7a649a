package dev.privatelink.control.privatelink;

/**
 * An interface endpoint's state. AWS's service model spells these capitalised (the SDK's
 * {@code State}), but EC2 answers them in lower camel case on the wire ({@code pendingAcceptance}),
 * and the CLI, SDK waiters and Terraform compare against that; so this is our own closed set.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_VpcEndpoint.html">VpcEndpoint</a>
 */
public enum EndpointState {
  PENDING_ACCEPTANCE("pendingAcceptance"),
  PENDING("pending"),
  AVAILABLE("available"),
  DELETING("deleting"),
  DELETED("deleted"),
  REJECTED("rejected"),
  FAILED("failed"),
  EXPIRED("expired"),
  PARTIAL("partial");

  private final String wire;

  EndpointState(String wire) {
    this.wire = wire;
  }

  /** The state as EC2 writes it. */
  @Override
  public String toString() {
    return wire;
  }

  /** The state EC2 wrote; anything else is a programming error, as only this enum writes it. */
  static EndpointState fromWire(String value) {
    for (EndpointState s : values()) {
      if (s.wire.equals(value)) {
        return s;
      }
    }
    throw new IllegalStateException("unknown endpoint state " + value);
  }
}
