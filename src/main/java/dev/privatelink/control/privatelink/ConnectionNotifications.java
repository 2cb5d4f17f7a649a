package dev.privatelink.control.privatelink;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.*;

/**
 * Notifications of connection events (Accept, Connect, Delete, Reject) for a service the caller
 * provides or an endpoint it owns, to an SNS topic. Without SNS here, the messages are kept in the
 * {@link NotificationLog}.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpointConnectionNotification.html">CreateVpcEndpointConnectionNotification</a>
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpointConnectionNotifications.html">DescribeVpcEndpointConnectionNotifications</a>
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcEndpointConnectionNotification.html">ModifyVpcEndpointConnectionNotification</a>
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteVpcEndpointConnectionNotifications.html">DeleteVpcEndpointConnectionNotifications</a>
 */
public final class ConnectionNotifications implements ActionHandler {
  private static final Set<String> EVENTS = Set.of(Notifier.ACCEPT, Notifier.CONNECT, Notifier.DELETE, Notifier.REJECT);
  private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}");
  private static final String TOKEN_KIND = "notification";
  private final PrivateLinkState state;
  private final Filters<ConnectionNotification> filters = Filters.<ConnectionNotification>of(n -> Map.of())
      .one("connection-notification-arn", ConnectionNotification::connectionNotificationArn)
      .one("connection-notification-id", ConnectionNotification::connectionNotificationId)
      .one("connection-notification-state", ConnectionNotification::connectionNotificationStateAsString)
      .one("connection-notification-type", ConnectionNotification::connectionNotificationTypeAsString)
      .one("service-id", ConnectionNotification::serviceId)
      .one("vpc-endpoint-id", ConnectionNotification::vpcEndpointId)
      .build();

  ConnectionNotifications(PrivateLinkState state) {
    this.state = state;
  }

  public CreateVpcEndpointConnectionNotificationResponse createVpcEndpointConnectionNotification(RequestContext ctx,
      CreateVpcEndpointConnectionNotificationRequest request) {
    Scope scope = ctx.scope();
    var earlier = state.idForToken(scope, TOKEN_KIND, request.clientToken())
        .flatMap(id -> state.notifications.find(scope, id));
    if (earlier.isPresent()) {
      return CreateVpcEndpointConnectionNotificationResponse.builder()
          .connectionNotification(earlier.get()).clientToken(request.clientToken()).build();
    }
    if ((request.serviceId() == null) == (request.vpcEndpointId() == null)) {
      throw request.serviceId() == null ? Errors.missing("ServiceId or VpcEndpointId")
          : AwsException.invalidParameterCombination("Specify either ServiceId or VpcEndpointId, not both.");
    }
    if (request.serviceId() != null) {
      state.service(scope, request.serviceId());
    } else {
      state.endpoint(scope, request.vpcEndpointId());
    }
    String arn = topicArn(request.connectionNotificationArn());
    List<String> events = events(request.connectionEvents());

    var notification = ConnectionNotification.builder().connectionNotificationId(ctx.ids().ec2Id("vpce-nfn"))
        .serviceId(request.serviceId()).vpcEndpointId(request.vpcEndpointId())
        .connectionNotificationType(ConnectionNotificationType.TOPIC).connectionNotificationArn(arn)
        .connectionEvents(events).connectionNotificationState(ConnectionNotificationState.ENABLED).build();
    state.notifications.put(scope, notification.connectionNotificationId(), notification);
    state.rememberToken(scope, TOKEN_KIND, request.clientToken(), notification.connectionNotificationId());
    return CreateVpcEndpointConnectionNotificationResponse.builder()
        .connectionNotification(notification).clientToken(request.clientToken()).build();
  }

  @ReadOnly
  public DescribeVpcEndpointConnectionNotificationsResponse describeVpcEndpointConnectionNotifications(
      RequestContext ctx, DescribeVpcEndpointConnectionNotificationsRequest request) {
    Scope scope = ctx.scope();
    String id = request.connectionNotificationId();
    var page = Describe.of(ConnectionNotification::connectionNotificationId, Errors::notificationNotFound, filters)
        .page(state.notifications.all(scope), id == null ? List.of() : List.of(id), request.filters(), request.maxResults(),
            request.nextToken());
    return DescribeVpcEndpointConnectionNotificationsResponse.builder()
        .connectionNotificationSet(page.items()).nextToken(page.nextToken()).build();
  }

  public ModifyVpcEndpointConnectionNotificationResponse modifyVpcEndpointConnectionNotification(RequestContext ctx,
      ModifyVpcEndpointConnectionNotificationRequest request) {
    Scope scope = ctx.scope();
    var notification = notification(scope, Requests.required(request.connectionNotificationId(), "ConnectionNotificationId"));
    var changed = notification.toBuilder();
    if (request.connectionNotificationArn() != null) {
      changed.connectionNotificationArn(topicArn(request.connectionNotificationArn()));
    }
    if (!request.connectionEvents().isEmpty()) {
      changed.connectionEvents(events(request.connectionEvents()));
    }
    state.notifications.put(scope, notification.connectionNotificationId(), changed.build());
    return ModifyVpcEndpointConnectionNotificationResponse.builder().returnValue(true).build();
  }

  public DeleteVpcEndpointConnectionNotificationsResponse deleteVpcEndpointConnectionNotifications(RequestContext ctx,
      DeleteVpcEndpointConnectionNotificationsRequest request) {
    Scope scope = ctx.scope();
    List<UnsuccessfulItem> unsuccessful = new ArrayList<>();
    for (String id : Requests.distinct(Requests.requiredList(request.connectionNotificationIds(), "ConnectionNotificationIds"))) {
      if (state.notifications.remove(scope, id) == null) {
        unsuccessful.add(Errors.unsuccessful(id, Errors.notificationNotFound(id)));
      }
    }
    return DeleteVpcEndpointConnectionNotificationsResponse.builder().unsuccessful(unsuccessful).build();
  }

  private ConnectionNotification notification(Scope scope, String id) {
    return state.notifications.find(scope, id).orElseThrow(() -> Errors.notificationNotFound(id));
  }

  private static String topicArn(String arn) {
    Requests.required(arn, "ConnectionNotificationArn");
    if (!TOPIC_ARN.matcher(arn).matches()) {
      throw AwsException.invalidParameterValue("Invalid SNS topic ARN: '" + arn + "'");
    }
    return arn;
  }

  private static List<String> events(List<String> asked) {
    List<String> events = Requests.distinct(Requests.requiredList(asked, "ConnectionEvents"));
    for (String e : events) {
      if (!EVENTS.contains(e)) {
        throw AwsException.invalidParameterValue("Invalid connection event '" + e
            + "'. Valid values are Accept, Connect, Delete and Reject.");
      }
    }
    return events;
  }
}
