package dev.privatelink.control.ec2.vpc;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.CidrBlocks;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.TagSpecs;
import dev.privatelink.control.query.Describe;
import dev.privatelink.model.Cidr;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.Tenancy;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcState;

/**
 * VPCs: <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpc.html">CreateVpc</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcs.html">DescribeVpcs</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteVpc.html">DeleteVpc</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcAttribute.html">ModifyVpcAttribute</a> and
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcAttribute.html">DescribeVpcAttribute</a>.
 * A new VPC is {@code pending} until the data plane reports its namespace ready.
 */
public final class VpcActions implements ActionHandler {
  private final Ec2State state;
  private final VpcRenderer renderer;

  public VpcActions(Ec2State state) {
    this.state = state;
    this.renderer = new VpcRenderer(state);
  }

  public CreateVpcResponse createVpc(RequestContext ctx, CreateVpcRequest request) {
    Cidr cidr = parseVpcCidr(request.cidrBlock());
    String tenancy = request.instanceTenancyAsString() == null ? "default" : request.instanceTenancyAsString();
    // Dedicated hosts are not modelled; default and dedicated tenancy behave alike here.
    if (Tenancy.fromValue(tenancy) != Tenancy.DEFAULT && Tenancy.fromValue(tenancy) != Tenancy.DEDICATED) {
      throw AwsException.invalidParameterValue("Value (" + tenancy + ") for parameter instanceTenancy is invalid.");
    }
    TagSpecs.validate(state.tags(), ctx.scope(), request.tagSpecifications(), "vpc");
    if (state.createdVpcs().add(ctx.scope())) {
      // The first CreateVpc of a scope drew a DHCP options id before default VPCs existed; drawing
      // it still keeps the ids of journals written then the same on replay.
      ctx.ids().ec2Id("dopt");
    }
    String dhcp = DefaultVpcs.dhcpOptionsForNewVpc(state, ctx.scope());
    var vpc = new VpcRecord(ctx.ids().ec2Id("vpc"), ctx.accountId(), cidr, ctx.ids().ec2Id("vpc-cidr-assoc"), VpcState.PENDING,
        dhcp, tenancy, true, false, false, ctx.ids().ec2Id("sg"), ctx.ids().ec2Id("rtb"), ctx.ids().ec2Id("acl"), false);
    state.vpcs().put(ctx.scope(), vpc.vpcId(), vpc);
    VpcDefaults.create(ctx, state, vpc);
    TagSpecs.apply(state.tags(), ctx.scope(), vpc.vpcId(), request.tagSpecifications(), "vpc");
    // CreateVpc answers with an empty IPv6 association set where DescribeVpcs leaves it out.
    var created = renderer.render(ctx.scope(), vpc).toBuilder().ipv6CidrBlockAssociationSet(List.of()).build();
    return CreateVpcResponse.builder().vpc(created).build();
  }

  static Cidr parseVpcCidr(String text) {
    Cidr cidr = CidrBlocks.parse(text);
    if (cidr.prefixLength() < 16 || cidr.prefixLength() > 28) {
      throw AwsException.badRequest("InvalidVpc.Range", "The CIDR '" + text + "' is invalid.");
    }
    return cidr;
  }

  @ReadOnly
  public DescribeVpcsResponse describeVpcs(RequestContext ctx, DescribeVpcsRequest request) {
    Scope scope = ctx.scope();
    var page = Describe.of(VpcRecord::vpcId, Ec2Errors::vpcNotFound, renderer.filters(scope)).page(state.vpcs().all(scope),
        request.vpcIds(), request.filters(), request.maxResults(), request.nextToken()).map(v -> renderer.render(scope, v));
    return DescribeVpcsResponse.builder().vpcs(page.items()).nextToken(page.nextToken()).build();
  }

  public DeleteVpcResponse deleteVpc(RequestContext ctx, DeleteVpcRequest request) {
    Scope scope = ctx.scope();
    VpcRecord vpc = state.vpc(scope, request.vpcId());
    if (hasDependents(scope, vpc)) {
      throw Ec2Errors.hasDependencies("vpc", vpc.vpcId());
    }
    state.securityGroups().where(scope, g -> g.vpcId().equals(vpc.vpcId())).forEach(g -> {
      state.securityGroups().remove(scope, g.groupId());
      g.rules().forEach(r -> state.tags().drop(scope, r.ruleId()));
      state.tags().drop(scope, g.groupId());
    });
    state.routeTables().where(scope, t -> t.vpcId().equals(vpc.vpcId())).forEach(t -> {
      state.routeTables().remove(scope, t.routeTableId());
      state.tags().drop(scope, t.routeTableId());
    });
    state.vpcCidrAssociations().where(scope, a -> a.vpcId().equals(vpc.vpcId()))
        .forEach(a -> state.vpcCidrAssociations().remove(scope, a.associationId()));
    state.tags().drop(scope, vpc.defaultNetworkAclId());
    state.tags().drop(scope, vpc.vpcId());
    state.vpcs().remove(scope, vpc.vpcId());
    return DeleteVpcResponse.builder().build();
  }

  private boolean hasDependents(Scope scope, VpcRecord vpc) {
    String id = vpc.vpcId();
    return !state.subnets().where(scope, s -> s.vpcId().equals(id)).isEmpty()
        || !state.internetGateways().where(scope, g -> id.equals(g.attachedVpcId())).isEmpty()
        || !state.securityGroups().where(scope, g -> g.vpcId().equals(id) && !g.isDefault()).isEmpty()
        || !state.routeTables().where(scope, t -> t.vpcId().equals(id) && !t.isMain()).isEmpty()
        || !state.networkInterfaces().where(scope, e -> e.vpcId().equals(id)).isEmpty()
        || state.hasForeignDependents(scope, id);
  }

  public ModifyVpcAttributeResponse modifyVpcAttribute(RequestContext ctx, ModifyVpcAttributeRequest request) {
    VpcRecord vpc = state.vpc(ctx.scope(), request.vpcId());
    Boolean support = value(request.enableDnsSupport());
    Boolean hostnames = value(request.enableDnsHostnames());
    Boolean metrics = value(request.enableNetworkAddressUsageMetrics());
    long given = java.util.stream.Stream.of(support, hostnames, metrics).filter(java.util.Objects::nonNull).count();
    if (given == 0) {
      throw Ec2Errors.required("Attribute");
    }
    if (given > 1) {
      throw AwsException.invalidParameterCombination("Fields for multiple attribute types specified: "
          + (support != null ? "enableDnsSupport " : "") + (hostnames != null ? "enableDnsHostnames " : "")
          + (metrics != null ? "enableNetworkAddressUsageMetrics" : "").trim());
    }
    VpcRecord changed = vpc.withAttributes(support != null ? support : vpc.enableDnsSupport(),
        hostnames != null ? hostnames : vpc.enableDnsHostnames(),
        metrics != null ? metrics : vpc.enableNetworkAddressUsageMetrics());
    state.vpcs().put(ctx.scope(), vpc.vpcId(), changed);
    return ModifyVpcAttributeResponse.builder().build();
  }

  private static @Nullable Boolean value(@Nullable AttributeBooleanValue attribute) {
    return attribute == null ? null : attribute.value();
  }

  @ReadOnly
  public DescribeVpcAttributeResponse describeVpcAttribute(RequestContext ctx, DescribeVpcAttributeRequest request) {
    if (request.attributeAsString() == null) {
      throw Ec2Errors.required("Attribute");
    }
    VpcRecord vpc = state.vpc(ctx.scope(), request.vpcId());
    var out = DescribeVpcAttributeResponse.builder().vpcId(vpc.vpcId());
    switch (request.attributeAsString()) {
      case "enableDnsSupport" -> out.enableDnsSupport(bool(vpc.enableDnsSupport()));
      case "enableDnsHostnames" -> out.enableDnsHostnames(bool(vpc.enableDnsHostnames()));
      case "enableNetworkAddressUsageMetrics" -> out.enableNetworkAddressUsageMetrics(bool(vpc.enableNetworkAddressUsageMetrics()));
      default -> throw AwsException.invalidParameterValue("Value (" + request.attributeAsString()
          + ") for parameter attribute is invalid. Unknown attribute.");
    }
    return out.build();
  }

  private static AttributeBooleanValue bool(boolean value) {
    return AttributeBooleanValue.builder().value(value).build();
  }

  /** The wire form of a stored VPC, as the other EC2 handlers show it. */
  public Vpc render(Scope scope, VpcRecord vpc) {
    return renderer.render(scope, vpc);
  }
}
