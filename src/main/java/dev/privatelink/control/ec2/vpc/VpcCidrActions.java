package dev.privatelink.control.ec2.vpc;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.model.Cidr;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AssociateVpcCidrBlockRequest;
import software.amazon.awssdk.services.ec2.model.AssociateVpcCidrBlockResponse;
import software.amazon.awssdk.services.ec2.model.DisassociateVpcCidrBlockRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateVpcCidrBlockResponse;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockStateCode;

/**
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssociateVpcCidrBlock.html">AssociateVpcCidrBlock</a>
 * and <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DisassociateVpcCidrBlock.html">DisassociateVpcCidrBlock</a>:
 * secondary IPv4 blocks under AWS's rules (/16 to /28, no overlap, at most five blocks, not from
 * another private range than the primary's, never 169.254.0.0/16) and one Amazon-provided IPv6 /56.
 * Answers say {@code associating}/{@code disassociating}; the change is complete at once.
 */
public final class VpcCidrActions implements ActionHandler {
  static final int MAX_IPV4_BLOCKS = 5;
  private static final List<Cidr> PRIVATE_RANGES = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"),
      Cidr.parse("192.168.0.0/16"));
  private static final Cidr LINK_LOCAL = Cidr.parse("169.254.0.0/16");
  private final Ec2State state;
  private final VpcRenderer renderer;

  public VpcCidrActions(Ec2State state) {
    this.state = state;
    this.renderer = new VpcRenderer(state);
  }

  public AssociateVpcCidrBlockResponse associateVpcCidrBlock(RequestContext ctx, AssociateVpcCidrBlockRequest request) {
    Scope scope = ctx.scope();
    if (request.vpcId() == null) {
      throw Ec2Errors.required("VpcId");
    }
    VpcRecord vpc = state.vpc(scope, request.vpcId());
    boolean ipv6 = Boolean.TRUE.equals(request.amazonProvidedIpv6CidrBlock());
    if (request.ipv6Pool() != null || request.ipv6CidrBlock() != null || request.ipv4IpamPoolId() != null
        || request.ipv6IpamPoolId() != null) {
      throw AwsException.invalidParameterValue("Only CidrBlock and AmazonProvidedIpv6CidrBlock are supported: "
          + "there are no BYOIP or IPAM pools in this account.");
    }
    if (ipv6 == (request.cidrBlock() != null)) {
      throw ipv6 ? AwsException.invalidParameterCombination("The parameter 'cidrBlock' cannot be used with the parameter "
          + "'amazonProvidedIpv6CidrBlock'") : Ec2Errors.required("CidrBlock");
    }
    VpcCidrAssociation made = ipv6 ? ipv6Block(ctx, vpc, request.ipv6CidrBlockNetworkBorderGroup())
        : new VpcCidrAssociation(ctx.ids().ec2Id("vpc-cidr-assoc"), vpc.vpcId(), checked(scope, vpc, request.cidrBlock()),
            null, null);
    state.vpcCidrAssociations().put(scope, made.associationId(), made);
    var out = AssociateVpcCidrBlockResponse.builder().vpcId(vpc.vpcId());
    if (made.isIpv6()) {
      out.ipv6CidrBlockAssociation(renderer.ipv6(made, VpcCidrBlockStateCode.ASSOCIATING));
    } else {
      out.cidrBlockAssociation(VpcRenderer.ipv4(made.associationId(), made.ipv4(), VpcCidrBlockStateCode.ASSOCIATING));
    }
    return out.build();
  }

  private Cidr checked(Scope scope, VpcRecord vpc, String text) {
    Cidr cidr = VpcActions.parseVpcCidr(text);
    List<Cidr> blocks = state.vpcIpv4Blocks(scope, vpc);
    for (Cidr b : blocks) {
      if (b.overlaps(cidr)) {
        throw AwsException.badRequest("InvalidVpc.Range", "The CIDR '" + text + "' overlaps with the CIDR '" + b
            + "' of VPC '" + vpc.vpcId() + "'.");
      }
    }
    boolean otherPrivateRange = PRIVATE_RANGES.stream().anyMatch(r -> r.overlaps(cidr) && !r.contains(vpc.cidr()));
    if (LINK_LOCAL.overlaps(cidr) || otherPrivateRange) {
      throw AwsException.badRequest("InvalidVpc.Range", "The CIDR '" + text + "' is restricted. Use a CIDR from the same "
          + "private address range as the current VPC CIDR, or use a publicly-routable CIDR.");
    }
    if (blocks.size() >= MAX_IPV4_BLOCKS) {
      throw AwsException.badRequest("CidrLimitExceeded", "This network '" + vpc.vpcId()
          + "' has met its maximum number of allowed CIDRs: " + MAX_IPV4_BLOCKS);
    }
    return cidr;
  }

  private VpcCidrAssociation ipv6Block(RequestContext ctx, VpcRecord vpc, String borderGroup) {
    String group = borderGroup == null ? ctx.region() : borderGroup;
    if (!group.equals(ctx.region())) {
      throw AwsException.invalidParameterValue("The network border group '" + group + "' is not valid for this region.");
    }
    boolean taken = !state.vpcCidrAssociations().where(ctx.scope(), a -> a.vpcId().equals(vpc.vpcId()) && a.isIpv6()).isEmpty();
    if (taken) {
      throw AwsException.badRequest("CidrLimitExceeded", "This network '" + vpc.vpcId()
          + "' already has an Amazon-provided IPv6 CIDR block in network border group '" + group + "'.");
    }
    String block = "2600:1f18:" + ctx.ids().hex(4).replaceFirst("^0+(?=.)", "") + ":" + ctx.ids().hex(2) + "00::/56";
    return new VpcCidrAssociation(ctx.ids().ec2Id("vpc-cidr-assoc"), vpc.vpcId(), null, block, group);
  }

  public DisassociateVpcCidrBlockResponse disassociateVpcCidrBlock(RequestContext ctx, DisassociateVpcCidrBlockRequest request) {
    Scope scope = ctx.scope();
    String id = request.associationId();
    if (id == null) {
      throw Ec2Errors.required("AssociationId");
    }
    var primary = state.vpcs().where(scope, v -> v.cidrAssociationId().equals(id));
    if (!primary.isEmpty()) {
      throw AwsException.badRequest("OperationNotPermitted", "The vpc CIDR block with association ID " + id
          + " may not be disassociated. It is the primary IPv4 CIDR block of the VPC");
    }
    VpcCidrAssociation a = state.vpcCidrAssociations().find(scope, id).orElseThrow(() -> AwsException.badRequest(
        "InvalidVpcCidrBlockAssociationID.NotFound", "The vpc CIDR block association ID '" + id + "' does not exist"));
    if (!a.isIpv6() && !state.subnets().where(scope, s -> s.vpcId().equals(a.vpcId()) && a.ipv4().contains(s.cidr())).isEmpty()) {
      throw AwsException.badRequest("InvalidCidrBlock.InUse", "The vpc CIDR block " + a.ipv4()
          + " cannot be disassociated while it has subnets.");
    }
    state.vpcCidrAssociations().remove(scope, id);
    var out = DisassociateVpcCidrBlockResponse.builder().vpcId(a.vpcId());
    if (a.isIpv6()) {
      out.ipv6CidrBlockAssociation(renderer.ipv6(a, VpcCidrBlockStateCode.DISASSOCIATING));
    } else {
      out.cidrBlockAssociation(VpcRenderer.ipv4(a.associationId(), a.ipv4(), VpcCidrBlockStateCode.DISASSOCIATING));
    }
    return out.build();
  }
}
