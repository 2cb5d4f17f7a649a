package dev.privatelink.control.ec2.instance;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceCreditSpecificationsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceCreditSpecificationsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.GetConsoleOutputRequest;
import software.amazon.awssdk.services.ec2.model.GetConsoleOutputResponse;
import software.amazon.awssdk.services.ec2.model.GetInstanceUefiDataRequest;
import software.amazon.awssdk.services.ec2.model.GetInstanceUefiDataResponse;
import software.amazon.awssdk.services.ec2.model.InstanceCreditSpecification;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.InstanceStatusDetails;
import software.amazon.awssdk.services.ec2.model.InstanceStatusSummary;
import software.amazon.awssdk.services.ec2.model.StatusType;
import software.amazon.awssdk.services.ec2.model.SummaryStatus;

/**
 * Details of an instance: <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_GetConsoleOutput.html">GetConsoleOutput</a>
 * (what the data plane reported it printed),
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceStatus.html">DescribeInstanceStatus</a> and
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceCreditSpecifications.html">DescribeInstanceCreditSpecifications</a> and
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_GetInstanceUefiData.html">GetInstanceUefiData</a>.
 */
public final class InstanceDetailActions implements ActionHandler {
  private static final Filters<InstanceCreditSpecification> CREDIT_FILTERS = Filters.<InstanceCreditSpecification>of(
      s -> Map.of()).one("instance-id", InstanceCreditSpecification::instanceId).build();
  private final Ec2State state;

  public InstanceDetailActions(Ec2State state) {
    this.state = state;
  }

  @ReadOnly
  public GetConsoleOutputResponse getConsoleOutput(RequestContext ctx, GetConsoleOutputRequest request) {
    InstanceRecord i = state.instance(ctx.scope(), request.instanceId());
    String output = i.consoleOutput().isEmpty() ? null
        : Base64.getEncoder().encodeToString(i.consoleOutput().getBytes(StandardCharsets.UTF_8));
    return GetConsoleOutputResponse.builder().instanceId(i.instanceId()).timestamp(ctx.now()).output(output).build();
  }

  @ReadOnly
  public DescribeInstanceStatusResponse describeInstanceStatus(RequestContext ctx, DescribeInstanceStatusRequest request) {
    List<InstanceRecord> instances = Describe.select(state.instances().all(ctx.scope()), request.instanceIds(),
        InstanceRecord::instanceId, Ec2Errors::instanceNotFound);
    boolean all = Boolean.TRUE.equals(request.includeAllInstances());
    List<InstanceStatus> statuses = instances.stream().filter(i -> all || i.state() == InstanceStateName.RUNNING)
        .map(InstanceDetailActions::status).toList();
    var filters = Filters.<InstanceStatus>of(s -> Map.of())
        .one("availability-zone", InstanceStatus::availabilityZone)
        .one("instance-state-name", s -> s.instanceState().nameAsString())
        .one("instance-state-code", s -> s.instanceState().code())
        .one("instance-status.status", s -> s.instanceStatus().statusAsString())
        .one("system-status.status", s -> s.systemStatus().statusAsString())
        .build();
    var page = Describe.of(InstanceStatus::instanceId, filters).page(statuses, List.of(), request.filters(),
        request.maxResults(), request.nextToken());
    return DescribeInstanceStatusResponse.builder().instanceStatuses(page.items()).nextToken(page.nextToken()).build();
  }

  private static InstanceStatus status(InstanceRecord i) {
    SummaryStatus summary = switch (i.state()) {
      case RUNNING -> SummaryStatus.OK;
      case PENDING -> SummaryStatus.INITIALIZING;
      case SHUTTING_DOWN, TERMINATED, STOPPING, STOPPED -> SummaryStatus.NOT_APPLICABLE;
      case UNKNOWN_TO_SDK_VERSION -> throw new IllegalStateException("instance state " + i.state());
    };
    // The reachability detail says "passed" where the summary says "ok", and repeats it otherwise.
    String detail = summary == SummaryStatus.OK ? StatusType.PASSED.toString() : summary.toString();
    var details = InstanceStatusDetails.builder().name("reachability").status(detail).build();
    var check = InstanceStatusSummary.builder().status(summary).details(details).build();
    return InstanceStatus.builder().instanceId(i.instanceId()).availabilityZone(i.launch().availabilityZone())
        .instanceState(InstanceRenderer.state(i.state())).instanceStatus(check).systemStatus(check)
        .events(List.of()).build();
  }

  @ReadOnly
  public DescribeInstanceCreditSpecificationsResponse describeInstanceCreditSpecifications(RequestContext ctx,
      DescribeInstanceCreditSpecificationsRequest request) {
    List<InstanceRecord> instances = Describe.select(state.instances().all(ctx.scope()), request.instanceIds(),
        InstanceRecord::instanceId, Ec2Errors::instanceNotFound);
    List<InstanceCreditSpecification> specs = instances.stream()
        .map(i -> InstanceTypes.find(i.launch().instanceType()).filter(InstanceTypes.TypeInfo::burstable)
            .map(t -> InstanceCreditSpecification.builder().instanceId(i.instanceId()).cpuCredits(t.defaultCreditSpecification()).build()))
        .flatMap(java.util.Optional::stream).toList();
    var page = Describe.of(InstanceCreditSpecification::instanceId, CREDIT_FILTERS).page(specs, List.of(), request.filters(),
        request.maxResults(), request.nextToken());
    return DescribeInstanceCreditSpecificationsResponse.builder().instanceCreditSpecifications(page.items())
        .nextToken(page.nextToken()).build();
  }

  /**
   * An instance here boots in {@code legacy-bios} mode (its {@code CurrentInstanceBootMode}), so it
   * has no UEFI variable store: the answer names the instance and carries no {@code UefiData}.
   */
  @ReadOnly
  public GetInstanceUefiDataResponse getInstanceUefiData(RequestContext ctx, GetInstanceUefiDataRequest request) {
    InstanceRecord i = state.instance(ctx.scope(), request.instanceId());
    return GetInstanceUefiDataResponse.builder().instanceId(i.instanceId()).build();
  }
}
