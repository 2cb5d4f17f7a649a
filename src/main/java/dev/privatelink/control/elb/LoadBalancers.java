package dev.privatelink.control.elb;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.InterfaceOwner;
import dev.privatelink.control.Network;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.query.Page;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.*;

/**
 * Application and network load balancers: creation with one managed ENI per subnet, look-up,
 * deletion, attributes and security groups. A new load balancer is {@code provisioning} until the
 * data plane reports it ready.
 *
 * @see <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html">CreateLoadBalancer</a>,
 *     DescribeLoadBalancers, DeleteLoadBalancer, ModifyLoadBalancerAttributes, DescribeLoadBalancerAttributes,
 *     SetSecurityGroups
 */
public record LoadBalancers(ElbState state, Network network, ElbTagging tagging, LoadBalancerUsers users) implements ActionHandler {
  public CreateLoadBalancerResponse createLoadBalancer(RequestContext ctx, CreateLoadBalancerRequest request) {
    Scope scope = ctx.scope();
    LoadBalancerTypeEnum type = checkType(request.type());
    ElbNames.checkLoadBalancerName(request.name());
    String scheme = request.schemeAsString() == null ? "internet-facing" : request.schemeAsString();
    if (LoadBalancerSchemeEnum.fromValue(scheme) == LoadBalancerSchemeEnum.UNKNOWN_TO_SDK_VERSION) {
      throw ElbErrors.validation("Scheme must be one of 'internet-facing, internal'");
    }
    // Only IPv4: the fabric carries no IPv6.
    LoadBalancerSubnets.checkIpv4(request.ipAddressType(), request.ipAddressTypeAsString());
    SubnetPlan plan = SubnetPlan.resolve(network, scope, type, request.subnets(), request.subnetMappings());
    List<String> groups = request.securityGroups().isEmpty() && type == LoadBalancerTypeEnum.APPLICATION
        ? List.of(network.defaultSecurityGroupId(scope, plan.vpcId()))
        : SubnetPlan.checkGroups(network, scope, plan.vpcId(), request.securityGroups());
    ElbTagging.validate(Map.of(), request.tags());
    var existing = state.loadBalancers.where(scope, lb -> lb.name().equalsIgnoreCase(request.name()));
    if (!existing.isEmpty()) {
      return CreateLoadBalancerResponse.builder().loadBalancers(
          LoadBalancerViews.render(sameOrThrow(existing.getFirst(), type, scheme, plan, request))).build();
    }
    LoadBalancerRecord lb = create(ctx, request.name(), type, scheme, plan, groups);
    state.loadBalancers.put(scope, lb.arn(), lb);
    tagging.put(scope, lb.arn(), request.tags());
    return CreateLoadBalancerResponse.builder().loadBalancers(LoadBalancerViews.render(lb)).build();
  }

  private static LoadBalancerTypeEnum checkType(LoadBalancerTypeEnum type) {
    return switch (type == null ? LoadBalancerTypeEnum.APPLICATION : type) {
      case APPLICATION -> LoadBalancerTypeEnum.APPLICATION;
      case NETWORK -> LoadBalancerTypeEnum.NETWORK;
      case GATEWAY -> throw ElbErrors.invalidConfiguration("Gateway load balancers are not supported by privatelink-local");
      case UNKNOWN_TO_SDK_VERSION -> throw ElbErrors.validation("Load balancer type must be one of 'application, network, gateway'");
    };
  }

  private static LoadBalancerRecord sameOrThrow(LoadBalancerRecord lb, LoadBalancerTypeEnum type, String scheme, SubnetPlan plan,
      CreateLoadBalancerRequest request) {
    boolean same = lb.type() == type && lb.scheme().equals(scheme)
        && new HashSet<>(lb.nodes().stream().map(LoadBalancerRecord.Node::subnetId).toList())
            .equals(new HashSet<>(plan.subnetIds()))
        && (request.securityGroups().isEmpty() || new HashSet<>(request.securityGroups()).equals(new HashSet<>(lb.securityGroups())));
    if (!same) {
      throw ElbErrors.code("DuplicateLoadBalancerName", "A load balancer with the same name '" + lb.name()
          + "' exists, but with different settings");
    }
    return lb;
  }

  private LoadBalancerRecord create(RequestContext ctx, String name, LoadBalancerTypeEnum type, String scheme, SubnetPlan plan,
      List<String> groups) {
    String id = ctx.ids().hex(16);
    String path = (type == LoadBalancerTypeEnum.APPLICATION ? "app/" : "net/") + name + "/" + id;
    String arn = "arn:aws:elasticloadbalancing:" + ctx.region() + ":" + ctx.accountId() + ":loadbalancer/" + path;
    String dns = ElbDns.dnsName(ctx.ids(), ctx.region(), name, type, scheme);
    List<LoadBalancerRecord.Node> nodes = createNodes(network, ctx, plan.subnets(), type, arn, "ELB " + path, groups);
    Map<String, String> attributes = rules(type).defaults();
    return new LoadBalancerRecord(arn, name, type, scheme, plan.vpcId(), dns, ElbDns.hostedZoneId(ctx.region(), type),
        LoadBalancerStateEnum.PROVISIONING, ctx.now(), nodes, groups, attributes);
  }

  /** Creates the ENIs; if the network refuses one, the ones already made are removed again. */
  static List<LoadBalancerRecord.Node> createNodes(Network network, RequestContext ctx, List<Network.SubnetInfo> subnets,
      LoadBalancerTypeEnum type, String arn, String description, List<String> groups) {
    // AWS's interface types for the nodes' ENIs (NetworkInterfaceType interface / network_load_balancer)
    String interfaceType = type == LoadBalancerTypeEnum.APPLICATION ? "interface" : "network_load_balancer";
    Map<String, String> zoneIds = new java.util.HashMap<>();
    network.availabilityZones(ctx.region()).forEach(z -> zoneIds.put(z.zoneName(), z.zoneId()));
    List<LoadBalancerRecord.Node> nodes = new ArrayList<>();
    try {
      for (Network.SubnetInfo s : subnets) {
        Network.InterfaceInfo eni = network.createManagedInterface(ctx,
            new Network.ManagedInterface(s.subnetId(), groups, interfaceType, description, "amazon-elb",
                new InterfaceOwner.LoadBalancerNode(arn)));
        String zoneId = s.availabilityZoneId() != null ? s.availabilityZoneId() : zoneIds.get(s.availabilityZone());
        nodes.add(new LoadBalancerRecord.Node(s.availabilityZone(), zoneId, s.subnetId(), eni.networkInterfaceId(),
            eni.privateIp()));
      }
    } catch (AwsException e) {
      nodes.forEach(n -> network.deleteManagedInterface(ctx.scope(), n.eniId()));
      throw e;
    }
    return nodes;
  }

  static AttributeRules rules(LoadBalancerTypeEnum type) {
    return type == LoadBalancerTypeEnum.APPLICATION ? AttributeRules.applicationLoadBalancer() : AttributeRules.networkLoadBalancer();
  }

  @ReadOnly
  public DescribeLoadBalancersResponse describeLoadBalancers(RequestContext ctx, DescribeLoadBalancersRequest request) {
    Scope scope = ctx.scope();
    boolean byArn = !request.loadBalancerArns().isEmpty();
    boolean byName = !request.names().isEmpty();
    if (byArn && byName) {
      throw ElbErrors.validation("Load balancer names and load balancer ARNs cannot be specified at the same time");
    }
    List<LoadBalancerRecord> found;
    if (byArn) {
      found = request.loadBalancerArns().stream().map(arn -> state.loadBalancer(scope, arn)).toList();
    } else if (byName) {
      found = ElbState.named(state.loadBalancers.all(scope), request.names(), LoadBalancerRecord::name,
          ElbErrors::loadBalancerNotFound);
    } else {
      found = state.loadBalancers.all(scope);
    }
    Page<LoadBalancerRecord> page = ElbPaging.page(found, LoadBalancerRecord::arn, request.pageSize(), request.marker());
    return DescribeLoadBalancersResponse.builder()
        .loadBalancers(page.items().stream().map(lb -> LoadBalancerViews.render(lb,
            state.failureReasons.find(ctx.scope(), lb.arn()).orElse(null))).toList())
        .nextMarker(page.nextToken()).build();
  }

  public DeleteLoadBalancerResponse deleteLoadBalancer(RequestContext ctx, DeleteLoadBalancerRequest request) {
    Scope scope = ctx.scope();
    if (request.loadBalancerArn() == null) {
      throw ElbErrors.validation("A load balancer ARN must be specified");
    }
    var found = state.loadBalancers.find(scope, request.loadBalancerArn());
    if (found.isEmpty()) {
      return DeleteLoadBalancerResponse.builder().build();
    }
    LoadBalancerRecord lb = found.get();
    if ("true".equals(lb.attributes().get("deletion_protection.enabled"))) {
      throw ElbErrors.operationNotPermitted("Load balancer '" + lb.arn()
          + "' cannot be deleted because deletion protection is enabled");
    }
    if (!users.usersOf(scope, lb.arn()).isEmpty()) {
      throw ElbErrors.resourceInUse("Load balancer '" + lb.arn()
          + "' cannot be deleted because it is currently associated with another service");
    }
    for (ListenerRecord l : state.listenersOf(scope, lb.arn())) {
      Listeners.forget(state, scope, l);
    }
    lb.nodes().forEach(n -> network.deleteManagedInterface(scope, n.eniId()));
    state.loadBalancers.remove(scope, lb.arn());
    state.tags.remove(scope, lb.arn());
    state.failureReasons.remove(scope, lb.arn());
    return DeleteLoadBalancerResponse.builder().build();
  }

  @ReadOnly
  public DescribeLoadBalancerAttributesResponse describeLoadBalancerAttributes(RequestContext ctx,
      DescribeLoadBalancerAttributesRequest request) {
    LoadBalancerRecord lb = state.loadBalancer(ctx.scope(), request.loadBalancerArn());
    return DescribeLoadBalancerAttributesResponse.builder().attributes(sdkAttributes(lb)).build();
  }

  public ModifyLoadBalancerAttributesResponse modifyLoadBalancerAttributes(RequestContext ctx,
      ModifyLoadBalancerAttributesRequest request) {
    Scope scope = ctx.scope();
    LoadBalancerRecord lb = state.loadBalancer(scope, request.loadBalancerArn());
    var changes = rules(lb.type()).changes(request.attributes(), LoadBalancerAttribute::key, LoadBalancerAttribute::value);
    LoadBalancerRecord updated = lb.withAttributes(ElbState.merged(lb.attributes(), changes));
    state.loadBalancers.put(scope, lb.arn(), updated);
    return ModifyLoadBalancerAttributesResponse.builder().attributes(sdkAttributes(updated)).build();
  }

  private static List<LoadBalancerAttribute> sdkAttributes(LoadBalancerRecord lb) {
    return rules(lb.type()).render(lb.attributes(), (k, v) -> LoadBalancerAttribute.builder().key(k).value(v).build());
  }

  public SetSecurityGroupsResponse setSecurityGroups(RequestContext ctx, SetSecurityGroupsRequest request) {
    Scope scope = ctx.scope();
    LoadBalancerRecord lb = state.loadBalancer(scope, request.loadBalancerArn());
    if (!lb.isApplication() && lb.securityGroups().isEmpty()) {
      throw ElbErrors.invalidConfiguration(
          "You cannot set security groups on a Network Load Balancer which was created without any security groups");
    }
    if (lb.isApplication() && request.securityGroups().isEmpty()) {
      throw ElbErrors.validation("At least one security group must be specified for an Application Load Balancer");
    }
    List<String> groups = SubnetPlan.checkGroups(network, scope, lb.vpcId(), request.securityGroups());
    lb.nodes().forEach(n -> network.setInterfaceGroups(scope, n.eniId(), groups));
    state.loadBalancers.put(scope, lb.arn(), lb.withSecurityGroups(groups));
    return SetSecurityGroupsResponse.builder().securityGroupIds(groups).build();
  }
}
