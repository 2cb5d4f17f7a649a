package dev.privatelink.control.ec2.gateway;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.TagSpecs;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import dev.privatelink.control.query.Page;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;

/**
 * Internet gateways: <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateInternetGateway.html">CreateInternetGateway</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AttachInternetGateway.html">AttachInternetGateway</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DetachInternetGateway.html">DetachInternetGateway</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteInternetGateway.html">DeleteInternetGateway</a> and
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInternetGateways.html">DescribeInternetGateways</a>.
 * One gateway per VPC; an attachment shows as {@code available}, as AWS shows it.
 */
public final class InternetGatewayActions implements ActionHandler {
  private final Ec2State state;

  public InternetGatewayActions(Ec2State state) {
    this.state = state;
  }

  public CreateInternetGatewayResponse createInternetGateway(RequestContext ctx, CreateInternetGatewayRequest request) {
    TagSpecs.validate(state.tags(), ctx.scope(), request.tagSpecifications(), "internet-gateway");
    var igw = new InternetGatewayRecord(ctx.ids().ec2Id("igw"), ctx.accountId(), null);
    state.internetGateways().put(ctx.scope(), igw.internetGatewayId(), igw);
    TagSpecs.apply(state.tags(), ctx.scope(), igw.internetGatewayId(), request.tagSpecifications(), "internet-gateway");
    return CreateInternetGatewayResponse.builder().internetGateway(render(ctx.scope(), igw)).build();
  }

  public AttachInternetGatewayResponse attachInternetGateway(RequestContext ctx, AttachInternetGatewayRequest request) {
    Scope scope = ctx.scope();
    InternetGatewayRecord igw = state.internetGateway(scope, request.internetGatewayId());
    String vpcId = state.vpc(scope, request.vpcId()).vpcId();
    if (igw.attachedVpcId() != null) {
      throw AwsException.badRequest("Resource.AlreadyAssociated",
          "resource " + igw.internetGatewayId() + " is already attached to network " + igw.attachedVpcId());
    }
    state.internetGateways().where(scope, g -> vpcId.equals(g.attachedVpcId())).stream().findFirst().ifPresent(g -> {
      throw AwsException.badRequest("Resource.AlreadyAssociated",
          "resource " + vpcId + " is already associated with internet gateway " + g.internetGatewayId());
    });
    state.internetGateways().put(scope, igw.internetGatewayId(), igw.attachedTo(vpcId));
    return AttachInternetGatewayResponse.builder().build();
  }

  public DetachInternetGatewayResponse detachInternetGateway(RequestContext ctx, DetachInternetGatewayRequest request) {
    Scope scope = ctx.scope();
    InternetGatewayRecord igw = state.internetGateway(scope, request.internetGatewayId());
    state.vpc(scope, request.vpcId());
    if (!request.vpcId().equals(igw.attachedVpcId())) {
      throw AwsException.badRequest("Gateway.NotAttached",
          "resource " + igw.internetGatewayId() + " is not attached to network " + request.vpcId());
    }
    // Instances holding public addresses through this gateway keep it attached, as in AWS.
    boolean mapped = state.networkInterfaces().all(scope).stream()
        .anyMatch(e -> e.vpcId().equals(request.vpcId()) && e.publicIp() != null);
    if (mapped) {
      throw AwsException.dependencyViolation("Network " + request.vpcId()
          + " has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.");
    }
    state.internetGateways().put(scope, igw.internetGatewayId(), igw.attachedTo(null));
    return DetachInternetGatewayResponse.builder().build();
  }

  public DeleteInternetGatewayResponse deleteInternetGateway(RequestContext ctx, DeleteInternetGatewayRequest request) {
    Scope scope = ctx.scope();
    InternetGatewayRecord igw = state.internetGateway(scope, request.internetGatewayId());
    if (igw.attachedVpcId() != null) {
      throw Ec2Errors.hasDependencies("internetGateway", igw.internetGatewayId());
    }
    state.internetGateways().remove(scope, igw.internetGatewayId());
    state.tags().drop(scope, igw.internetGatewayId());
    return DeleteInternetGatewayResponse.builder().build();
  }

  @ReadOnly
  public DescribeInternetGatewaysResponse describeInternetGateways(RequestContext ctx, DescribeInternetGatewaysRequest request) {
    Scope scope = ctx.scope();
    Filters<InternetGatewayRecord> filters = Filters.<InternetGatewayRecord>of(g -> state.tagMap(scope, g.internetGatewayId()))
        .one("internet-gateway-id", InternetGatewayRecord::internetGatewayId)
        .one("attachment.vpc-id", InternetGatewayRecord::attachedVpcId)
        .one("attachment.state", g -> g.attachedVpcId() == null ? null : "available")
        .one("owner-id", InternetGatewayRecord::ownerId)
        .build();
    Page<InternetGateway> page = Describe.of(InternetGatewayRecord::internetGatewayId, Ec2Errors::internetGatewayNotFound, filters)
        .page(state.internetGateways().all(scope), request.internetGatewayIds(), request.filters(), request.maxResults(),
            request.nextToken()).map(g -> render(scope, g));
    return DescribeInternetGatewaysResponse.builder().internetGateways(page.items()).nextToken(page.nextToken()).build();
  }

  private InternetGateway render(Scope scope, InternetGatewayRecord g) {
    List<InternetGatewayAttachment> attachments = g.attachedVpcId() == null ? List.of()
        : List.of(InternetGatewayAttachment.builder().vpcId(g.attachedVpcId()).state("available").build());
    return InternetGateway.builder().internetGatewayId(g.internetGatewayId()).ownerId(g.ownerId())
        .attachments(attachments).tags(state.tagList(scope, g.internetGatewayId())).build();
  }
}
