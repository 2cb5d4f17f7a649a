package dev.privatelink.model.pki;

/**
 * What cannot be read as a certificate or key. The {@link Problem} lets a caller say it in its own
 * words (ACM's messages differ per problem); the message says it in plain ones.
 */
public final class PkiException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Why the input was refused. */
  public enum Problem {
    /** The PEM holds an object that is not an X.509 certificate. */
    NOT_A_CERTIFICATE,
    /** The input is not well-formed PEM, DER or X.509, or a key of an unknown kind. */
    MALFORMED,
    /** The private key is encrypted (PKCS#8 or OpenSSL's legacy form); it is read only in the clear. */
    ENCRYPTED_KEY
  }

  private final Problem problem;

  public PkiException(Problem problem, String message) {
    super(message);
    this.problem = problem;
  }

  public PkiException(Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
