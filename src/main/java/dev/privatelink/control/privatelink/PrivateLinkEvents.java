package dev.privatelink.control.privatelink;

import dev.privatelink.control.ControlEvent;
import dev.privatelink.control.EventHandler;
import dev.privatelink.control.Scope;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.ServiceState;

/**
 * Moves services and endpoints on as the data plane reports. ResourceReady of an endpoint makes a
 * {@code pending} endpoint {@code available}, and a {@code deleting} one deleted (gone; Tick does the
 * same, should the host never report a teardown). ResourceReady of a service, or of a load balancer
 * behind it, makes a {@code Pending} service {@code Available}. ResourceFailed fails either.
 */
final class PrivateLinkEvents implements EventHandler {
  private final PrivateLinkState state;

  PrivateLinkEvents(PrivateLinkState state) {
    this.state = state;
  }

  @Override
  public boolean apply(ControlEvent event, Instant now) {
    return switch (event) {
      case ControlEvent.ResourceReady r -> endpointReady(r.resourceId()) | serviceReady(r.resourceId());
      case ControlEvent.Tick t -> endpointGone(t.resourceId());
      case ControlEvent.ResourceFailed f -> failed(f.resourceId(), f.reason());
      default -> false;
    };
  }

  private boolean endpointReady(String id) {
    var found = endpoint(id);
    if (found == null) {
      return false;
    }
    if (found.getValue().state() == EndpointState.PENDING) {
      state.endpoints.put(found.getKey(), id, found.getValue().withState(EndpointState.AVAILABLE));
      return true;
    }
    return endpointGone(id);
  }

  private boolean endpointGone(String id) {
    var found = endpoint(id);
    if (found == null || found.getValue().state() != EndpointState.DELETING) {
      return false;
    }
    Scope scope = found.getKey();
    state.endpoints.remove(scope, id);
    state.tags.drop(scope, id);
    state.notifications.where(scope, n -> id.equals(n.vpcEndpointId()))
        .forEach(n -> state.notifications.remove(scope, n.connectionNotificationId()));
    return true;
  }

  private boolean serviceReady(String id) {
    boolean changed = false;
    for (var e : state.services.everywhere()) {
      EndpointService s = e.getValue();
      boolean mine = s.id().equals(id) || s.config().networkLoadBalancerArns().contains(id);
      if (mine && s.state() == ServiceState.PENDING) {
        state.services.put(e.getKey(), s.id(), s.withState(ServiceState.AVAILABLE));
        changed = true;
      }
    }
    return changed;
  }

  private boolean failed(String id, String reason) {
    var found = endpoint(id);
    if (found != null && found.getValue().state() == EndpointState.PENDING) {
      var e = found.getValue();
      state.endpoints.put(found.getKey(), id, e.with(e.endpoint().toBuilder().state(EndpointState.FAILED.toString())
          .failureReason(reason).build()));
      return true;
    }
    for (var s : state.services.everywhere()) {
      if (s.getValue().id().equals(id) && s.getValue().state() == ServiceState.PENDING) {
        state.services.put(s.getKey(), id, s.getValue().withState(ServiceState.FAILED));
        return true;
      }
    }
    return false;
  }

  private Map.@Nullable Entry<Scope, Endpoint> endpoint(String id) {
    return state.endpoints.everywhere().stream().filter(e -> e.getValue().id().equals(id)).findFirst().orElse(null);
  }
}
