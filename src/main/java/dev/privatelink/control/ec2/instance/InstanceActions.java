package dev.privatelink.control.ec2.instance;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.eni.PublicAddresses;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Page;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.StartInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StartInstancesResponse;
import software.amazon.awssdk.services.ec2.model.StopInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StopInstancesResponse;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesResponse;

/**
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstances.html">DescribeInstances</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_TerminateInstances.html">TerminateInstances</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_StopInstances.html">StopInstances</a> and
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_StartInstances.html">StartInstances</a>.
 * Transitions start here and finish when the data plane reports the host side done.
 */
public final class InstanceActions implements ActionHandler {
  private final Ec2State state;
  private final InstanceRenderer renderer;
  private final InstanceLifecycle lifecycle;
  private final PublicAddresses publicAddresses;

  public InstanceActions(Ec2State state) {
    this.state = state;
    this.renderer = new InstanceRenderer(state);
    this.lifecycle = new InstanceLifecycle(state);
    this.publicAddresses = new PublicAddresses(state);
  }

  @ReadOnly
  public DescribeInstancesResponse describeInstances(RequestContext ctx, DescribeInstancesRequest request) {
    Scope scope = ctx.scope();
    Page<InstanceRecord> page = Describe.of(InstanceRecord::instanceId, Ec2Errors::instanceNotFound, InstanceFilters.of(state, scope))
        .page(state.instances().where(scope, i -> i.isVisible(ctx.now())), request.instanceIds(), request.filters(),
            request.maxResults(), request.nextToken());
    var byReservation = new LinkedHashMap<String, List<Instance>>();
    for (InstanceRecord i : page.items()) {
      byReservation.computeIfAbsent(i.launch().reservationId(), k -> new ArrayList<>()).add(renderer.render(scope, i));
    }
    List<Reservation> reservations = byReservation.entrySet().stream().map(e -> Reservation.builder()
        .reservationId(e.getKey()).ownerId(ctx.accountId()).groups(List.of()).instances(e.getValue()).build()).toList();
    return DescribeInstancesResponse.builder().reservations(reservations).nextToken(page.nextToken()).build();
  }

  public TerminateInstancesResponse terminateInstances(RequestContext ctx, TerminateInstancesRequest request) {
    Scope scope = ctx.scope();
    List<InstanceRecord> targets = targets(scope, request.instanceIds());
    for (InstanceRecord i : targets) {
      if (i.launch().options().disableApiTermination() && i.isLive()) {
        throw AwsException.badRequest("OperationNotPermitted", "The instance '" + i.instanceId()
            + "' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.");
      }
    }
    List<InstanceStateChange> changes = new ArrayList<>();
    for (InstanceRecord i : targets) {
      InstanceStateName previous = i.state();
      switch (previous) {
        case TERMINATED, SHUTTING_DOWN -> { }
        // A stopped instance has nothing on the host to tear down.
        case STOPPED -> lifecycle.terminated(scope,
            i.withState(InstanceStateName.STOPPED, userReason(ctx), "Client.UserInitiatedShutdown"), ctx.now());
        case PENDING, RUNNING, STOPPING -> state.instances().put(scope, i.instanceId(),
            i.withState(InstanceStateName.SHUTTING_DOWN, userReason(ctx), "Client.UserInitiatedShutdown"));
        case UNKNOWN_TO_SDK_VERSION -> throw new IllegalStateException("instance state " + previous);
      }
      changes.add(change(i.instanceId(), previous, state.instance(scope, i.instanceId()).state()));
    }
    return TerminateInstancesResponse.builder().terminatingInstances(changes).build();
  }

  public StopInstancesResponse stopInstances(RequestContext ctx, StopInstancesRequest request) {
    Scope scope = ctx.scope();
    List<InstanceRecord> targets = targets(scope, request.instanceIds());
    for (InstanceRecord i : targets) {
      if (EnumSet.of(InstanceStateName.TERMINATED, InstanceStateName.SHUTTING_DOWN).contains(i.state())) {
        throw AwsException.badRequest("IncorrectInstanceState",
            "This instance '" + i.instanceId() + "' is not in a state from which it can be stopped.");
      }
      if (i.launch().options().disableApiStop()) {
        throw AwsException.badRequest("OperationNotPermitted", "The instance '" + i.instanceId()
            + "' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.");
      }
    }
    List<InstanceStateChange> changes = new ArrayList<>();
    for (InstanceRecord i : targets) {
      if (i.state() == InstanceStateName.PENDING || i.state() == InstanceStateName.RUNNING) {
        state.instances().put(scope, i.instanceId(),
            i.withState(InstanceStateName.STOPPING, userReason(ctx), "Client.UserInitiatedShutdown"));
      }
      changes.add(change(i.instanceId(), i.state(), state.instance(scope, i.instanceId()).state()));
    }
    return StopInstancesResponse.builder().stoppingInstances(changes).build();
  }

  public StartInstancesResponse startInstances(RequestContext ctx, StartInstancesRequest request) {
    Scope scope = ctx.scope();
    List<InstanceRecord> targets = targets(scope, request.instanceIds());
    for (InstanceRecord i : targets) {
      if (!EnumSet.of(InstanceStateName.STOPPED, InstanceStateName.PENDING, InstanceStateName.RUNNING).contains(i.state())) {
        throw AwsException.badRequest("IncorrectInstanceState",
            "The instance '" + i.instanceId() + "' is not in a state from which it can be started.");
      }
    }
    List<InstanceStateChange> changes = new ArrayList<>();
    for (InstanceRecord i : targets) {
      if (i.state() == InstanceStateName.STOPPED) {
        start(ctx, scope, i);
      }
      changes.add(change(i.instanceId(), i.state(), state.instance(scope, i.instanceId()).state()));
    }
    return StartInstancesResponse.builder().startingInstances(changes).build();
  }

  /** A restarted instance gets a new public address if its subnet maps them, as in AWS. */
  private void start(RequestContext ctx, Scope scope, InstanceRecord i) {
    boolean mapsPublic = state.subnets().find(scope, i.launch().subnetId()).map(s -> s.mapPublicIpOnLaunch()).orElse(false);
    String publicIp = mapsPublic ? publicAddresses.next(Set.of()) : null;
    state.networkInterfaces().find(scope, i.launch().networkInterfaceId())
        .ifPresent(e -> state.networkInterfaces().put(scope, e.networkInterfaceId(), e.withPublicIp(publicIp)));
    state.instances().put(scope, i.instanceId(), i.withState(InstanceStateName.PENDING, "", null).withPublicIp(publicIp).withLaunchTime(ctx.now()));
  }

  private List<InstanceRecord> targets(Scope scope, List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      throw Ec2Errors.required("InstanceId");
    }
    return ids.stream().distinct().map(id -> state.instance(scope, id)).toList();
  }

  private static String userReason(RequestContext ctx) {
    return "User initiated (" + ctx.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
        .replace('T', ' ').replace("Z", " GMT") + ")";
  }

  private static InstanceStateChange change(String id, InstanceStateName previous, InstanceStateName current) {
    return InstanceStateChange.builder().instanceId(id).previousState(InstanceRenderer.state(previous))
        .currentState(InstanceRenderer.state(current)).build();
  }
}
