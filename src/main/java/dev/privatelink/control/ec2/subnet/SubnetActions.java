package dev.privatelink.control.ec2.subnet;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.Network.ZoneInfo;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.CidrBlocks;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.TagSpecs;
import dev.privatelink.control.ec2.eni.SubnetAddresses;
import dev.privatelink.control.ec2.region.RegionCatalog;
import dev.privatelink.control.ec2.vpc.VpcRecord;
import dev.privatelink.control.query.Describe;
import dev.privatelink.model.Cidr;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.HostnameType;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeResponse;
import software.amazon.awssdk.services.ec2.model.SubnetState;

/**
 * Subnets: <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSubnet.html">CreateSubnet</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSubnets.html">DescribeSubnets</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteSubnet.html">DeleteSubnet</a> and
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySubnetAttribute.html">ModifySubnetAttribute</a>.
 * A new subnet is {@code pending} until the data plane reports it ready.
 */
public final class SubnetActions implements ActionHandler {
  private final Ec2State state;
  private final SubnetRenderer renderer;

  public SubnetActions(Ec2State state) {
    this.state = state;
    this.renderer = new SubnetRenderer(state, new SubnetAddresses(state));
  }

  public CreateSubnetResponse createSubnet(RequestContext ctx, CreateSubnetRequest request) {
    Scope scope = ctx.scope();
    if (request.vpcId() == null) {
      throw Ec2Errors.required("VpcId");
    }
    VpcRecord vpc = state.vpc(scope, request.vpcId());
    Cidr cidr = parseCidr(request.cidrBlock(), state.vpcIpv4Blocks(scope, vpc));
    state.subnets().where(scope, s -> s.vpcId().equals(vpc.vpcId()) && s.cidr().overlaps(cidr)).stream().findFirst()
        .ifPresent(s -> {
          throw AwsException.badRequest("InvalidSubnet.Conflict", "The CIDR '" + request.cidrBlock() + "' conflicts with another subnet");
        });
    ZoneInfo zone = zone(ctx, request.availabilityZone(), request.availabilityZoneId());
    TagSpecs.validate(state.tags(), scope, request.tagSpecifications(), "subnet");
    var subnet = new SubnetRecord(ctx.ids().ec2Id("subnet"), vpc.vpcId(), ctx.accountId(), cidr, zone.zoneName(),
        zone.zoneId(), SubnetState.PENDING, false, ctx.ids().ec2Id("aclassoc"), "ip-name", false, false);
    state.subnets().put(scope, subnet.subnetId(), subnet);
    TagSpecs.apply(state.tags(), scope, subnet.subnetId(), request.tagSpecifications(), "subnet");
    return CreateSubnetResponse.builder().subnet(renderer.render(scope, subnet)).build();
  }

  private static Cidr parseCidr(@Nullable String text, List<Cidr> vpcBlocks) {
    Cidr cidr = CidrBlocks.parse(text);
    if (cidr.prefixLength() < 16 || cidr.prefixLength() > 28 || vpcBlocks.stream().noneMatch(b -> b.contains(cidr))) {
      throw AwsException.badRequest("InvalidSubnet.Range", "The CIDR '" + text + "' is invalid.");
    }
    return cidr;
  }

  private static ZoneInfo zone(RequestContext ctx, String name, String id) {
    List<ZoneInfo> zones = RegionCatalog.zones(ctx.region());
    if (name != null && id != null) {
      throw AwsException.invalidParameterCombination("Only one of availabilityZone or availabilityZoneId may be specified");
    }
    if (name != null) {
      return RegionCatalog.zoneByName(ctx.region(), name).orElseThrow(() -> AwsException.invalidParameterValue(
          "Value (" + name + ") for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: "
              + zones.stream().map(ZoneInfo::zoneName).collect(Collectors.joining(", ")) + "."));
    }
    if (id != null) {
      return RegionCatalog.zoneById(ctx.region(), id).orElseThrow(() -> AwsException.invalidParameterValue(
          "Value (" + id + ") for parameter availabilityZoneId is invalid. Subnets can currently only be created in the following availability zones: "
              + zones.stream().map(ZoneInfo::zoneId).collect(Collectors.joining(", ")) + "."));
    }
    return zones.get(ctx.ids().nextInt(zones.size()));
  }

  @ReadOnly
  public DescribeSubnetsResponse describeSubnets(RequestContext ctx, DescribeSubnetsRequest request) {
    Scope scope = ctx.scope();
    var page = Describe.of(SubnetRecord::subnetId, Ec2Errors::subnetNotFound, renderer.filters(scope))
        .page(state.subnets().all(scope), request.subnetIds(), request.filters(), request.maxResults(), request.nextToken())
        .map(s -> renderer.render(scope, s));
    return DescribeSubnetsResponse.builder().subnets(page.items()).nextToken(page.nextToken()).build();
  }

  public DeleteSubnetResponse deleteSubnet(RequestContext ctx, DeleteSubnetRequest request) {
    Scope scope = ctx.scope();
    SubnetRecord subnet = state.subnet(scope, request.subnetId());
    if (!state.networkInterfaces().where(scope, e -> e.subnetId().equals(subnet.subnetId())).isEmpty()
        || !state.instances().where(scope, i -> i.isLive() && i.launch().subnetId().equals(subnet.subnetId())).isEmpty()) {
      throw Ec2Errors.hasDependencies("subnet", subnet.subnetId());
    }
    // Deleting a subnet ends its route table association, as in AWS.
    state.routeTables().where(scope, t -> t.vpcId().equals(subnet.vpcId())).forEach(t -> state.routeTables().put(scope,
        t.routeTableId(), t.withAssociations(list -> {
          list.removeIf(a -> subnet.subnetId().equals(a.subnetId()));
          return list;
        })));
    state.subnetCidrReservations().where(scope, r -> r.subnetId().equals(subnet.subnetId())).forEach(r -> {
      state.subnetCidrReservations().remove(scope, r.reservationId());
      state.tags().drop(scope, r.reservationId());
    });
    state.subnets().remove(scope, subnet.subnetId());
    state.tags().drop(scope, subnet.subnetId());
    return DeleteSubnetResponse.builder().build();
  }

  /** The wire form of a stored subnet, as the other EC2 handlers show it. */
  public software.amazon.awssdk.services.ec2.model.Subnet render(Scope scope, SubnetRecord subnet) {
    return renderer.render(scope, subnet);
  }

  public ModifySubnetAttributeResponse modifySubnetAttribute(RequestContext ctx, ModifySubnetAttributeRequest request) {
    Scope scope = ctx.scope();
    SubnetRecord subnet = state.subnet(scope, request.subnetId());
    if (request.assignIpv6AddressOnCreation() != null && Boolean.TRUE.equals(request.assignIpv6AddressOnCreation().value())) {
      throw AwsException.invalidParameterValue("Invalid value 'true' for assignIpv6AddressOnCreation. Cannot set assignIpv6AddressOnCreation to true unless the subnet (" + subnet.subnetId() + ") has an IPv6 CIDR block associated with it.");
    }
    String hostnameType = request.privateDnsHostnameTypeOnLaunchAsString();
    if (hostnameType != null && request.privateDnsHostnameTypeOnLaunch() == HostnameType.UNKNOWN_TO_SDK_VERSION) {
      throw AwsException.invalidParameterValue("Value (" + hostnameType + ") for parameter privateDnsHostnameTypeOnLaunch is invalid.");
    }
    boolean mapPublic = request.mapPublicIpOnLaunch() != null && request.mapPublicIpOnLaunch().value() != null
        ? request.mapPublicIpOnLaunch().value() : subnet.mapPublicIpOnLaunch();
    boolean aRecord = request.enableResourceNameDnsARecordOnLaunch() != null && request.enableResourceNameDnsARecordOnLaunch().value() != null
        ? request.enableResourceNameDnsARecordOnLaunch().value() : subnet.enableResourceNameDnsARecord();
    state.subnets().put(scope, subnet.subnetId(), subnet.withLaunchSettings(mapPublic,
        hostnameType != null ? hostnameType : subnet.hostnameType(), aRecord));
    return ModifySubnetAttributeResponse.builder().build();
  }
}
