package dev.privatelink.control.privatelink;

import dev.privatelink.control.Scope;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.ConnectionNotification;
import software.amazon.awssdk.services.ec2.model.ConnectionNotificationState;

/**
 * Publishes a connection event to the enabled notifications that ask for it: those on the
 * endpoint's service (in the provider's account) and those on the endpoint itself (in the
 * consumer's account). Messages go to the {@link NotificationLog} in place of SNS.
 */
final class Notifier {
  static final String CONNECT = "Connect";
  static final String ACCEPT = "Accept";
  static final String REJECT = "Reject";
  static final String DELETE = "Delete";

  private Notifier() {}

  static void fire(PrivateLinkState state, Scope consumer, Endpoint endpoint, String event, Instant now) {
    for (Map.Entry<Scope, ConnectionNotification> e : state.notifications.everywhere()) {
      ConnectionNotification n = e.getValue();
      boolean onService = e.getKey().equals(endpoint.serviceScope()) && endpoint.serviceId().equals(n.serviceId());
      boolean onEndpoint = e.getKey().equals(consumer) && endpoint.id().equals(n.vpcEndpointId());
      if ((onService || onEndpoint) && n.connectionNotificationState() == ConnectionNotificationState.ENABLED
          && n.connectionEvents().contains(event)) {
        state.log.publish(n.connectionNotificationId(), n.connectionNotificationArn(), e.getKey().accountId(),
            e.getKey().region(), now, event, message(endpoint, event, now));
      }
    }
  }

  /** The JSON body of the SNS message: which endpoint, whose, of which service, in what state, when. */
  private static String message(Endpoint endpoint, String event, Instant now) {
    return "{\"eventType\":\"" + event + "\",\"endpointId\":\"" + endpoint.id()
        + "\",\"endpointOwner\":\"" + endpoint.ownerId() + "\",\"endpointState\":\"" + endpoint.state()
        + "\",\"serviceId\":\"" + endpoint.serviceId() + "\",\"eventTime\":\"" + now + "\"}";
  }
}
