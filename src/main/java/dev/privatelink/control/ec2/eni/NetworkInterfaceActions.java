package dev.privatelink.control.ec2.eni;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.TagSpecs;
import dev.privatelink.control.ec2.subnet.SubnetRecord;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Page;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkInterfaceResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceType;

/**
 * Network interfaces: <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkInterfaces.html">DescribeNetworkInterfaces</a>
 * (instance interfaces and the requester-managed ones of load balancers and endpoints),
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateNetworkInterface.html">CreateNetworkInterface</a> and
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteNetworkInterface.html">DeleteNetworkInterface</a>
 * for interfaces users make themselves.
 */
public final class NetworkInterfaceActions implements ActionHandler {
  private final Ec2State state;
  private final InterfaceFactory factory;
  private final SubnetAddresses addresses;
  private final NetworkInterfaceRenderer renderer;

  public NetworkInterfaceActions(Ec2State state) {
    this.state = state;
    this.factory = new InterfaceFactory(state);
    this.addresses = new SubnetAddresses(state);
    this.renderer = new NetworkInterfaceRenderer(state);
  }

  public CreateNetworkInterfaceResponse createNetworkInterface(RequestContext ctx, CreateNetworkInterfaceRequest request) {
    Scope scope = ctx.scope();
    if (request.subnetId() == null) {
      throw Ec2Errors.required("SubnetId");
    }
    SubnetRecord subnet = state.subnet(scope, request.subnetId());
    List<String> groups = factory.groups(scope, subnet, request.groups());
    String type = request.interfaceTypeAsString();
    // Only a plain interface is made here (efa, trunk and branch interfaces need hardware).
    if (type != null && NetworkInterfaceType.fromValue(type) != NetworkInterfaceType.INTERFACE) {
      throw AwsException.invalidParameterValue("Value (" + type + ") for parameter interfaceType is invalid.");
    }
    String ip = request.privateIpAddress();
    if (ip != null) {
      addresses.requireFree(scope, subnet, ip, Set.of());
    } else {
      ip = addresses.nextFree(scope, subnet, Set.of());
    }
    TagSpecs.validate(state.tags(), scope, request.tagSpecifications(), "network-interface");
    NetworkInterfaceRecord eni = factory.create(ctx, subnet, ip, groups, request.description(), "interface", null, null, null);
    state.networkInterfaces().put(scope, eni.networkInterfaceId(), eni);
    TagSpecs.apply(state.tags(), scope, eni.networkInterfaceId(), request.tagSpecifications(), "network-interface");
    return CreateNetworkInterfaceResponse.builder().networkInterface(renderer.render(scope, eni)).build();
  }

  public DeleteNetworkInterfaceResponse deleteNetworkInterface(RequestContext ctx, DeleteNetworkInterfaceRequest request) {
    Scope scope = ctx.scope();
    NetworkInterfaceRecord eni = state.networkInterface(scope, request.networkInterfaceId());
    if (eni.attachment() != null || eni.requesterManaged()) {
      throw AwsException.badRequest("InvalidNetworkInterface.InUse",
          "The network interface '" + eni.networkInterfaceId() + "' is currently in use.");
    }
    state.networkInterfaces().remove(scope, eni.networkInterfaceId());
    state.tags().drop(scope, eni.networkInterfaceId());
    return DeleteNetworkInterfaceResponse.builder().build();
  }

  @ReadOnly
  public DescribeNetworkInterfacesResponse describeNetworkInterfaces(RequestContext ctx,
      DescribeNetworkInterfacesRequest request) {
    Scope scope = ctx.scope();
    Page<NetworkInterface> page = Describe.of(NetworkInterfaceRecord::networkInterfaceId,
            Ec2Errors::networkInterfaceNotFound, renderer.filters(scope))
        .page(state.networkInterfaces().all(scope), request.networkInterfaceIds(), request.filters(), request.maxResults(),
            request.nextToken()).map(e -> renderer.render(scope, e));
    return DescribeNetworkInterfacesResponse.builder().networkInterfaces(page.items()).nextToken(page.nextToken()).build();
  }
}
