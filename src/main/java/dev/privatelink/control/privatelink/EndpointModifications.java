package dev.privatelink.control.privatelink;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.Network;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.privatelink.Endpoint.EndpointInterface;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;

/**
 * Changes an interface endpoint: its subnets (an ENI made or released per subnet), its security
 * groups (applied to every ENI), private DNS and, for AWS services, its policy. The endpoint keeps
 * its state meanwhile. A gateway endpoint's route tables and policy change through {@link GatewayEndpoints}.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcEndpoint.html">ModifyVpcEndpoint</a>
 */
public final class EndpointModifications implements ActionHandler {
  private final PrivateLinkState state;

  private final GatewayEndpoints gateways;

  EndpointModifications(PrivateLinkState state) {
    this.state = state;
    this.gateways = new GatewayEndpoints(state);
  }

  public ModifyVpcEndpointResponse modifyVpcEndpoint(RequestContext ctx, ModifyVpcEndpointRequest request) {
    Scope scope = ctx.scope();
    Endpoint endpoint = state.endpoint(scope, Requests.required(request.vpcEndpointId(), "VpcEndpointId"));
    if (endpoint.state() == EndpointState.DELETING) {
      throw AwsException.badRequest("IncorrectState", "The VPC endpoint " + endpoint.id() + " is being deleted.");
    }
    if (endpoint.isGateway()) {
      state.endpoints.put(scope, endpoint.id(), gateways.modify(ctx, endpoint, request));
      return ModifyVpcEndpointResponse.builder().returnValue(true).build();
    }
    rejectUnsupported(request, AwsServices.policySupported(ctx.region(), endpoint.endpoint().serviceName()));
    EndpointService service = state.serviceOf(endpoint).orElseThrow(() -> Errors.invalidParameter(
        "The endpoint service of " + endpoint.id() + " no longer exists."));
    Network network = state.network();
    String vpcId = endpoint.endpoint().vpcId();
    List<EndpointInterface> kept = keptInterfaces(endpoint, request.removeSubnetIds(), request.addSubnetIds());
    var zonesInUse = kept.stream().map(EndpointInterface::availabilityZone).collect(Collectors.toSet());
    var newSubnets = EndpointPlacement.subnets(network, scope, vpcId, request.addSubnetIds(), service, zonesInUse);
    var groups = groups(network, scope, endpoint, request);
    boolean current = Boolean.TRUE.equals(endpoint.endpoint().privateDnsEnabled());
    boolean privateDns = request.privateDnsEnabled() == null || request.privateDnsEnabled() == current ? current
        : EndpointRequests.privateDns(state, scope, network.vpc(scope, vpcId), service, request.privateDnsEnabled());

    List<String> groupIds = groups.stream().map(SecurityGroupIdentifier::groupId).toList();
    List<EndpointInterface> interfaces = new ArrayList<>(kept);
    interfaces.addAll(EndpointPlacement.createInterfaces(ctx, network, newSubnets, groupIds, endpoint.id(), service.ownerId()));
    endpoint.interfaces().stream().filter(eni -> !kept.contains(eni))
        .forEach(eni -> network.deleteManagedInterface(scope, eni.networkInterfaceId()));
    if (!groups.equals(endpoint.endpoint().groups())) {
      kept.forEach(eni -> network.setInterfaceGroups(scope, eni.networkInterfaceId(), groupIds));
    }
    String policy = Boolean.TRUE.equals(request.resetPolicy()) ? VpcEndpoints.FULL_ACCESS_POLICY
        : request.policyDocument() != null ? request.policyDocument() : endpoint.endpoint().policyDocument();
    var changed = endpoint.endpoint().toBuilder().groups(groups).privateDnsEnabled(privateDns).policyDocument(policy)
        .subnetIds(interfaces.stream().map(EndpointInterface::subnetId).toList())
        .networkInterfaceIds(interfaces.stream().map(EndpointInterface::networkInterfaceId).toList()).build();
    state.endpoints.put(scope, endpoint.id(), endpoint.with(changed, interfaces));
    return ModifyVpcEndpointResponse.builder().returnValue(true).build();
  }

  /** The interfaces that stay: all but those in removed subnets, each of which must be the endpoint's. */
  private static List<EndpointInterface> keptInterfaces(Endpoint endpoint, List<String> remove, List<String> add) {
    Set<String> removed = Set.copyOf(Requests.distinct(remove));
    for (String subnetId : removed) {
      if (add.contains(subnetId)) {
        throw Errors.invalidParameter("The subnet " + subnetId + " cannot be both added and removed.");
      }
      if (endpoint.interfaces().stream().noneMatch(eni -> eni.subnetId().equals(subnetId))) {
        throw Errors.invalidParameter("The subnet " + subnetId + " is not associated with " + endpoint.id() + ".");
      }
    }
    return endpoint.interfaces().stream().filter(eni -> !removed.contains(eni.subnetId())).toList();
  }

  /** The groups after the change: current minus removed plus added, in that order; never none. */
  private static List<SecurityGroupIdentifier> groups(Network network, Scope scope, Endpoint endpoint,
      ModifyVpcEndpointRequest request) {
    Map<String, SecurityGroupIdentifier> byId = new LinkedHashMap<>();
    endpoint.endpoint().groups().forEach(g -> byId.put(g.groupId(), g));
    for (String id : Requests.distinct(request.removeSecurityGroupIds())) {
      if (byId.remove(id) == null) {
        throw Errors.invalidParameter("The security group " + id + " is not associated with " + endpoint.id() + ".");
      }
    }
    if (!request.addSecurityGroupIds().isEmpty()) {
      EndpointPlacement.groups(network, scope, endpoint.endpoint().vpcId(), request.addSecurityGroupIds())
          .forEach(g -> byId.put(g.groupId(), g));
    }
    if (byId.isEmpty()) {
      throw Errors.invalidParameter("An interface endpoint must have at least one security group.");
    }
    return List.copyOf(byId.values());
  }

  private static void rejectUnsupported(ModifyVpcEndpointRequest request, boolean policySupported) {
    if ((request.policyDocument() != null || Boolean.TRUE.equals(request.resetPolicy())) && !policySupported) {
      throw Errors.invalidParameter("Endpoint policies are not supported for interface endpoints of endpoint services"
          + " (VpcEndpointPolicySupported is false).");
    }
    if (!request.addRouteTableIds().isEmpty() || !request.removeRouteTableIds().isEmpty()) {
      throw Errors.invalidParameter("Route tables can only be specified for Gateway endpoints.");
    }
    if (request.ipAddressTypeAsString() != null && !request.ipAddressTypeAsString().equals(ServiceSettings.IPV4)) {
      throw Errors.invalidParameter("The endpoint service supports only the ipv4 IP address type.");
    }
    if (!request.subnetConfigurations().isEmpty()) {
      throw Errors.invalidParameter("SubnetConfigurations are not supported by privatelink-local.");
    }
  }
}
