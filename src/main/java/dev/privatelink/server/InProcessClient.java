package dev.privatelink.server;

/**
 * What every client of {@link InProcessClients} shares: the account's calls, the service's name,
 * and a {@code close} with nothing to release (no connection is held).
 */
abstract class InProcessClient {
  protected final InProcessClients.Calls calls;
  private final String serviceName;

  InProcessClient(InProcessClients.Calls calls, String serviceName) {
    this.calls = calls;
    this.serviceName = serviceName;
  }

  public final String serviceName() {
    return serviceName;
  }

  public final void close() {}
}
