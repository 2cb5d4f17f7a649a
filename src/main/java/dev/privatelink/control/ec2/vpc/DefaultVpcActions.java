package dev.privatelink.control.ec2.vpc;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.Network.ZoneInfo;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.region.RegionCatalog;
import dev.privatelink.control.ec2.subnet.SubnetActions;
import dev.privatelink.model.Cidr;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.CreateDefaultSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateDefaultSubnetResponse;
import software.amazon.awssdk.services.ec2.model.CreateDefaultVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateDefaultVpcResponse;

/**
 * Brings a deleted default VPC or default subnet back:
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateDefaultVpc.html">CreateDefaultVpc</a> and
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateDefaultSubnet.html">CreateDefaultSubnet</a>.
 */
public final class DefaultVpcActions implements ActionHandler {
  private final Ec2State state;
  private final VpcRenderer vpcs;
  private final SubnetActions subnets;

  public DefaultVpcActions(Ec2State state, SubnetActions subnets) {
    this.state = state;
    this.vpcs = new VpcRenderer(state);
    this.subnets = subnets;
  }

  public CreateDefaultVpcResponse createDefaultVpc(RequestContext ctx, CreateDefaultVpcRequest request) {
    if (state.defaultVpc(ctx.scope()).isPresent()) {
      throw AwsException.badRequest("DefaultVpcAlreadyExists", "A Default VPC already exists for this account in this region.");
    }
    VpcRecord vpc = DefaultVpcs.create(ctx, state);
    return CreateDefaultVpcResponse.builder()
        .vpc(vpcs.render(ctx.scope(), vpc).toBuilder().ipv6CidrBlockAssociationSet(List.of()).build()).build();
  }

  public CreateDefaultSubnetResponse createDefaultSubnet(RequestContext ctx, CreateDefaultSubnetRequest request) {
    Scope scope = ctx.scope();
    ZoneInfo zone = zone(ctx.region(), request.availabilityZone(), request.availabilityZoneId());
    if (Boolean.TRUE.equals(request.ipv6Native())) {
      throw AwsException.invalidParameterValue("IPv6-only default subnets are not supported: the fabric carries IPv4 only.");
    }
    VpcRecord vpc = state.defaultVpc(scope).orElseThrow(() -> AwsException.badRequest("DefaultVpcDoesNotExist",
        "No default VPC exists for this account in this region."));
    if (!state.subnets().where(scope, s -> s.defaultForAz() && s.availabilityZone().equals(zone.zoneName())).isEmpty()) {
      throw AwsException.badRequest("DefaultSubnetAlreadyExistsInAvailabilityZone",
          "A Default Subnet already exists in the availability zone: " + zone.zoneName());
    }
    Cidr cidr = DefaultVpcs.freeSubnetCidr(state, scope, vpc, zone).orElseThrow(() -> AwsException.badRequest(
        "InsufficientFreeAddressesInSubnet", "There is no /20 block left in the default VPC '" + vpc.vpcId() + "'."));
    var subnet = DefaultVpcs.createSubnet(ctx, state, vpc, zone, cidr);
    return CreateDefaultSubnetResponse.builder().subnet(subnets.render(scope, subnet)).build();
  }

  private static ZoneInfo zone(String region, String name, String id) {
    if (name == null && id == null) {
      throw AwsException.missingParameter("The request must contain the parameter AvailabilityZone or AvailabilityZoneId");
    }
    if (name != null && id != null) {
      throw AwsException.invalidParameterCombination("Only one of availabilityZone or availabilityZoneId may be specified");
    }
    var found = name != null ? RegionCatalog.zoneByName(region, name) : RegionCatalog.zoneById(region, id);
    return found.orElseThrow(() -> AwsException.invalidParameterValue("Value (" + (name != null ? name : id)
        + ") for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: "
        + RegionCatalog.zones(region).stream().map(ZoneInfo::zoneName).collect(Collectors.joining(", ")) + "."));
  }
}
