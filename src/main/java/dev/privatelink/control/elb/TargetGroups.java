package dev.privatelink.control.elb;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.Network;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.query.Page;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.*;

/**
 * Target groups: creation with AWS's health-check defaults, look-up, health-check changes,
 * deletion (refused while a listener or rule forwards to the group) and attributes.
 *
 * @see <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html">CreateTargetGroup</a>,
 *     DescribeTargetGroups, ModifyTargetGroup, DeleteTargetGroup, DescribeTargetGroupAttributes,
 *     ModifyTargetGroupAttributes
 */
public record TargetGroups(ElbState state, Network network, ElbTagging tagging) implements ActionHandler {
  private static final List<String> PROTOCOLS = List.of("HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP");

  public CreateTargetGroupResponse createTargetGroup(RequestContext ctx, CreateTargetGroupRequest request) {
    Scope scope = ctx.scope();
    ElbNames.checkTargetGroupName(request.name());
    TargetTypeEnum targetType = request.targetType() == null ? TargetTypeEnum.INSTANCE : request.targetType();
    switch (targetType) {
      case INSTANCE, IP, ALB -> { }
      case LAMBDA -> throw ElbErrors.invalidConfiguration("Target type 'lambda' is not supported by privatelink-local");
      case UNKNOWN_TO_SDK_VERSION -> throw ElbErrors.validation("Target type must be one of 'instance, ip, lambda, alb'");
    }
    String protocol = checkProtocol(request.protocolAsString(), targetType);
    int port = checkPort(request.port());
    String vpcId = checkVpc(scope, request.vpcId());
    String protocolVersion = checkProtocolVersion(protocol, request.protocolVersion());
    var hc = settings(request).resolve(protocol, targetType);
    ElbTagging.validate(Map.of(), request.tags());
    var existing = state.targetGroups.where(scope, g -> g.name().equalsIgnoreCase(request.name()));
    if (!existing.isEmpty()) {
      return CreateTargetGroupResponse.builder().targetGroups(render(scope, sameOrThrow(existing.getFirst(),
          protocol, port, vpcId, targetType, hc))).build();
    }
    String arn = "arn:aws:elasticloadbalancing:" + ctx.region() + ":" + ctx.accountId() + ":targetgroup/"
        + request.name() + "/" + ctx.ids().hex(16);
    var group = new TargetGroupRecord(arn, request.name(), protocol, port, vpcId, targetType, protocolVersion, hc,
        TargetGroupAttributes.rules(protocol, targetType).defaults());
    state.targetGroups.put(scope, arn, group);
    tagging.put(scope, arn, request.tags());
    return CreateTargetGroupResponse.builder().targetGroups(render(scope, group)).build();
  }

  private static String checkProtocol(String protocol, TargetTypeEnum targetType) {
    if (protocol == null) {
      throw ElbErrors.validation("A protocol must be specified");
    }
    if (!PROTOCOLS.contains(protocol)) {
      throw ElbErrors.validation("Protocol '" + protocol + "' must be one of '" + String.join(", ", PROTOCOLS) + "'");
    }
    if (targetType == TargetTypeEnum.ALB && ProtocolEnum.fromValue(protocol) != ProtocolEnum.TCP) {
      throw ElbErrors.validation("Target groups with target type 'alb' support only the 'TCP' protocol");
    }
    return protocol;
  }

  private static int checkPort(Integer port) {
    if (port == null) {
      throw ElbErrors.validation("A port must be specified");
    }
    if (port < 1 || port > 65535) {
      throw ElbErrors.validation("Port must be between 1 and 65535");
    }
    return port;
  }

  private String checkVpc(Scope scope, String vpcId) {
    if (vpcId == null) {
      throw ElbErrors.validation("A VPC ID must be specified");
    }
    try {
      return network.vpc(scope, vpcId).vpcId();
    } catch (AwsException e) {
      throw ElbErrors.validation("The VPC ID '" + vpcId + "' is not found");
    }
  }

  private static @Nullable String checkProtocolVersion(String protocol, @Nullable String version) {
    boolean http = ElbProtocols.isApplication(protocol);
    // AWS reads an empty ProtocolVersion (the Terraform provider sends one) as no version at all.
    if (version == null || version.isEmpty()) {
      return http ? "HTTP1" : null;
    }
    if (!http) {
      throw ElbErrors.validation("A protocol version can only be specified for HTTP and HTTPS target groups");
    }
    if (!List.of("HTTP1", "HTTP2", "GRPC").contains(version.toUpperCase())) {
      throw ElbErrors.validation("Protocol version '" + version + "' must be one of 'GRPC, HTTP1, HTTP2'");
    }
    return version.toUpperCase();
  }

  private static HealthCheckSettings settings(CreateTargetGroupRequest r) {
    return new HealthCheckSettings(r.healthCheckEnabled(), r.healthCheckProtocolAsString(), r.healthCheckPort(),
        r.healthCheckPath(), r.healthCheckIntervalSeconds(), r.healthCheckTimeoutSeconds(), r.healthyThresholdCount(),
        r.unhealthyThresholdCount(), r.matcher() == null ? null : r.matcher().httpCode());
  }

  private static TargetGroupRecord sameOrThrow(TargetGroupRecord g, String protocol, int port, String vpcId,
      TargetTypeEnum targetType, TargetGroupRecord.HealthCheck hc) {
    if (!g.protocol().equals(protocol) || g.port() != port || !g.vpcId().equals(vpcId)
        || g.targetType() != targetType || !g.healthCheck().equals(hc)) {
      throw ElbErrors.code("DuplicateTargetGroupName", "A target group with the same name '" + g.name()
          + "' exists, but with different settings");
    }
    return g;
  }

  @ReadOnly
  public DescribeTargetGroupsResponse describeTargetGroups(RequestContext ctx, DescribeTargetGroupsRequest request) {
    Scope scope = ctx.scope();
    int selectors = (request.targetGroupArns().isEmpty() ? 0 : 1) + (request.names().isEmpty() ? 0 : 1)
        + (request.loadBalancerArn() == null ? 0 : 1);
    if (selectors > 1) {
      throw ElbErrors.validation("Target group ARNs, names and a load balancer ARN cannot be combined");
    }
    List<TargetGroupRecord> found;
    if (!request.targetGroupArns().isEmpty()) {
      found = request.targetGroupArns().stream().map(arn -> state.targetGroup(scope, arn)).toList();
    } else if (!request.names().isEmpty()) {
      found = ElbState.named(state.targetGroups.all(scope), request.names(), TargetGroupRecord::name,
          ElbErrors::targetGroupNotFound);
    } else if (request.loadBalancerArn() != null) {
      state.loadBalancer(scope, request.loadBalancerArn());
      found = state.targetGroupsOf(scope, request.loadBalancerArn()).stream()
          .map(arn -> state.targetGroup(scope, arn)).toList();
    } else {
      found = state.targetGroups.all(scope);
    }
    Page<TargetGroupRecord> page = ElbPaging.page(found, TargetGroupRecord::arn, request.pageSize(), request.marker());
    return DescribeTargetGroupsResponse.builder()
        .targetGroups(page.items().stream().map(g -> render(scope, g)).toList()).nextMarker(page.nextToken()).build();
  }

  public ModifyTargetGroupResponse modifyTargetGroup(RequestContext ctx, ModifyTargetGroupRequest r) {
    Scope scope = ctx.scope();
    TargetGroupRecord group = state.targetGroup(scope, r.targetGroupArn());
    var settings = new HealthCheckSettings(r.healthCheckEnabled(), r.healthCheckProtocolAsString(),
        r.healthCheckPort(), r.healthCheckPath(), r.healthCheckIntervalSeconds(), r.healthCheckTimeoutSeconds(),
        r.healthyThresholdCount(), r.unhealthyThresholdCount(), r.matcher() == null ? null : r.matcher().httpCode());
    TargetGroupRecord updated = group.withHealthCheck(settings.modify(group));
    state.targetGroups.put(scope, group.arn(), updated);
    return ModifyTargetGroupResponse.builder().targetGroups(render(scope, updated)).build();
  }

  public DeleteTargetGroupResponse deleteTargetGroup(RequestContext ctx, DeleteTargetGroupRequest request) {
    Scope scope = ctx.scope();
    var found = state.targetGroups.find(scope, request.targetGroupArn());
    if (found.isEmpty()) {
      return DeleteTargetGroupResponse.builder().build();
    }
    if (state.inUse(scope, request.targetGroupArn())) {
      throw ElbErrors.resourceInUse("Target group '" + request.targetGroupArn()
          + "' is currently in use by a listener or a rule");
    }
    state.targetGroups.remove(scope, request.targetGroupArn());
    state.targets.remove(scope, request.targetGroupArn());
    state.tags.remove(scope, request.targetGroupArn());
    return DeleteTargetGroupResponse.builder().build();
  }

  @ReadOnly
  public DescribeTargetGroupAttributesResponse describeTargetGroupAttributes(RequestContext ctx,
      DescribeTargetGroupAttributesRequest request) {
    TargetGroupRecord group = state.targetGroup(ctx.scope(), request.targetGroupArn());
    return DescribeTargetGroupAttributesResponse.builder().attributes(sdkAttributes(group)).build();
  }

  public ModifyTargetGroupAttributesResponse modifyTargetGroupAttributes(RequestContext ctx,
      ModifyTargetGroupAttributesRequest request) {
    Scope scope = ctx.scope();
    TargetGroupRecord group = state.targetGroup(scope, request.targetGroupArn());
    var changes = TargetGroupAttributes.rules(group).changes(request.attributes(), TargetGroupAttribute::key,
        TargetGroupAttribute::value);
    TargetGroupAttributes.checkForProtocol(group, changes);
    TargetGroupRecord updated = group.withAttributes(ElbState.merged(group.attributes(), changes));
    state.targetGroups.put(scope, group.arn(), updated);
    return ModifyTargetGroupAttributesResponse.builder().attributes(sdkAttributes(updated)).build();
  }

  private static List<TargetGroupAttribute> sdkAttributes(TargetGroupRecord group) {
    return TargetGroupAttributes.rules(group).render(group.attributes(),
        (k, v) -> TargetGroupAttribute.builder().key(k).value(v).build());
  }

  private TargetGroup render(Scope scope, TargetGroupRecord g) {
    var hc = g.healthCheck();
    var b = TargetGroup.builder().targetGroupArn(g.arn()).targetGroupName(g.name()).protocol(g.protocol())
        .port(g.port()).vpcId(g.vpcId()).healthCheckProtocol(hc.protocol()).healthCheckPort(hc.port())
        .healthCheckEnabled(hc.enabled()).healthCheckIntervalSeconds(hc.intervalSeconds())
        .healthCheckTimeoutSeconds(hc.timeoutSeconds()).healthyThresholdCount(hc.healthyThreshold())
        .unhealthyThresholdCount(hc.unhealthyThreshold()).healthCheckPath(hc.path())
        .loadBalancerArns(state.loadBalancersOf(scope, g.arn())).targetType(g.targetType())
        .protocolVersion(g.protocolVersion()).ipAddressType("ipv4");
    if (hc.matcher() != null) {
      b.matcher(Matcher.builder().httpCode(hc.matcher()).build());
    }
    return b.build();
  }
}
