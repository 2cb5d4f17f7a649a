package dev.privatelink.control.privatelink;

import dev.privatelink.control.Scope;
import java.time.Instant;
import java.util.Set;

/**
 * What a reset of one account does to PrivateLink, as AWS would show it to the other accounts.
 * An endpoint of another account connected to one of the reset account's services is rejected
 * first (AWS lets a provider delete a service only once its connections are rejected), with the
 * Reject notification its owner asked for. An endpoint of the reset account connected to another
 * account's service is deleted: it leaves that service's connections and the provider gets its
 * Delete notification. Forgetting the account's own services, endpoints and notifications is left
 * to the reset of the whole account, which follows.
 */
final class AccountReset {
  private static final Set<EndpointState> CONNECTED = Set.of(EndpointState.PENDING_ACCEPTANCE, EndpointState.PENDING,
      EndpointState.AVAILABLE);

  private AccountReset() {}

  static void reset(PrivateLinkState state, String accountId, Instant now) {
    for (var e : state.endpoints.everywhere()) {
      Scope consumer = e.getKey();
      Endpoint endpoint = e.getValue();
      boolean providerReset = endpoint.serviceScope().accountId().equals(accountId);
      if (consumer.accountId().equals(accountId)) {
        if (!providerReset && endpoint.state() != EndpointState.DELETING) {
          Notifier.fire(state, consumer, endpoint.withState(EndpointState.DELETING), Notifier.DELETE, now);
        }
      } else if (providerReset && CONNECTED.contains(endpoint.state())) {
        Endpoint rejected = endpoint.withState(EndpointState.REJECTED);
        state.endpoints.put(consumer, endpoint.id(), rejected);
        Notifier.fire(state, consumer, rejected, Notifier.REJECT, now);
      }
    }
  }
}
