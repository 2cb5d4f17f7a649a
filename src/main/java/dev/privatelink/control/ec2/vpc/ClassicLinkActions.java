package dev.privatelink.control.ec2.vpc;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import software.amazon.awssdk.services.ec2.model.AttachClassicLinkVpcRequest;
import software.amazon.awssdk.services.ec2.model.AttachClassicLinkVpcResponse;
import software.amazon.awssdk.services.ec2.model.DescribeClassicLinkInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeClassicLinkInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcClassicLinkRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcClassicLinkResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcClassicLinkDnsSupportRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcClassicLinkDnsSupportResponse;
import software.amazon.awssdk.services.ec2.model.DetachClassicLinkVpcRequest;
import software.amazon.awssdk.services.ec2.model.DetachClassicLinkVpcResponse;
import software.amazon.awssdk.services.ec2.model.DisableVpcClassicLinkRequest;
import software.amazon.awssdk.services.ec2.model.DisableVpcClassicLinkResponse;
import software.amazon.awssdk.services.ec2.model.DisableVpcClassicLinkDnsSupportRequest;
import software.amazon.awssdk.services.ec2.model.DisableVpcClassicLinkDnsSupportResponse;
import software.amazon.awssdk.services.ec2.model.EnableVpcClassicLinkRequest;
import software.amazon.awssdk.services.ec2.model.EnableVpcClassicLinkResponse;
import software.amazon.awssdk.services.ec2.model.EnableVpcClassicLinkDnsSupportRequest;
import software.amazon.awssdk.services.ec2.model.EnableVpcClassicLinkDnsSupportResponse;

/**
 * The ClassicLink actions (<a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_EnableVpcClassicLink.html">EnableVpcClassicLink</a>,
 * DescribeVpcClassicLink, AttachClassicLinkVpc and the rest), answered as EC2 answers them since
 * EC2-Classic was retired in August 2022: the feature is not available, in any region.
 */
public final class ClassicLinkActions implements ActionHandler {
  static AwsException retired() {
    return AwsException.badRequest("UnsupportedOperation", "The functionality you requested is not available in this region.");
  }

  public AttachClassicLinkVpcResponse attachClassicLinkVpc(RequestContext ctx, AttachClassicLinkVpcRequest request) {
    throw retired();
  }

  public DetachClassicLinkVpcResponse detachClassicLinkVpc(RequestContext ctx, DetachClassicLinkVpcRequest request) {
    throw retired();
  }

  @ReadOnly
  public DescribeClassicLinkInstancesResponse describeClassicLinkInstances(RequestContext ctx, DescribeClassicLinkInstancesRequest request) {
    throw retired();
  }

  public EnableVpcClassicLinkResponse enableVpcClassicLink(RequestContext ctx, EnableVpcClassicLinkRequest request) {
    throw retired();
  }

  public DisableVpcClassicLinkResponse disableVpcClassicLink(RequestContext ctx, DisableVpcClassicLinkRequest request) {
    throw retired();
  }

  @ReadOnly
  public DescribeVpcClassicLinkResponse describeVpcClassicLink(RequestContext ctx, DescribeVpcClassicLinkRequest request) {
    throw retired();
  }

  public EnableVpcClassicLinkDnsSupportResponse enableVpcClassicLinkDnsSupport(RequestContext ctx, EnableVpcClassicLinkDnsSupportRequest request) {
    throw retired();
  }

  public DisableVpcClassicLinkDnsSupportResponse disableVpcClassicLinkDnsSupport(RequestContext ctx, DisableVpcClassicLinkDnsSupportRequest request) {
    throw retired();
  }

  @ReadOnly
  public DescribeVpcClassicLinkDnsSupportResponse describeVpcClassicLinkDnsSupport(RequestContext ctx, DescribeVpcClassicLinkDnsSupportRequest request) {
    throw retired();
  }
}
