package dev.privatelink.server;

import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyLoadBalancerAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsResponse;

/**
 * The Elastic Load Balancing client interface served in this process (see {@link InProcessClients}), for the
 * actions the seed stack calls; any other throws the SDK's {@code UnsupportedOperationException}.
 */
final class InProcessElbClient extends InProcessClient implements ElasticLoadBalancingV2Client {
  InProcessElbClient(InProcessClients.Calls calls) {
    super(calls, SERVICE_NAME);
  }

  @Override
  public CreateListenerResponse createListener(CreateListenerRequest request) {
    return calls.call(request, CreateListenerResponse.class);
  }

  @Override
  public CreateLoadBalancerResponse createLoadBalancer(CreateLoadBalancerRequest request) {
    return calls.call(request, CreateLoadBalancerResponse.class);
  }

  @Override
  public CreateTargetGroupResponse createTargetGroup(CreateTargetGroupRequest request) {
    return calls.call(request, CreateTargetGroupResponse.class);
  }

  @Override
  public DescribeListenersResponse describeListeners(DescribeListenersRequest request) {
    return calls.call(request, DescribeListenersResponse.class);
  }

  @Override
  public DescribeLoadBalancersResponse describeLoadBalancers(DescribeLoadBalancersRequest request) {
    return calls.call(request, DescribeLoadBalancersResponse.class);
  }

  @Override
  public DescribeTargetGroupAttributesResponse describeTargetGroupAttributes(DescribeTargetGroupAttributesRequest request) {
    return calls.call(request, DescribeTargetGroupAttributesResponse.class);
  }

  @Override
  public DescribeTargetGroupsResponse describeTargetGroups(DescribeTargetGroupsRequest request) {
    return calls.call(request, DescribeTargetGroupsResponse.class);
  }

  @Override
  public DescribeTargetHealthResponse describeTargetHealth(DescribeTargetHealthRequest request) {
    return calls.call(request, DescribeTargetHealthResponse.class);
  }

  @Override
  public ModifyLoadBalancerAttributesResponse modifyLoadBalancerAttributes(ModifyLoadBalancerAttributesRequest request) {
    return calls.call(request, ModifyLoadBalancerAttributesResponse.class);
  }

  @Override
  public RegisterTargetsResponse registerTargets(RegisterTargetsRequest request) {
    return calls.call(request, RegisterTargetsResponse.class);
  }
}
