package dev.privatelink.control.elb;

import dev.privatelink.control.ReadOnly;
import dev.privatelink.model.SslPolicies;
import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.*;

/**
 * The fixed facts of the service: its security policies and its account quotas.
 *
 * @see <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeSSLPolicies.html">DescribeSSLPolicies</a>,
 *     <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeAccountLimits.html">DescribeAccountLimits</a>
 */
public final class ElbCatalog implements ActionHandler {
  private static final String[][] LIMITS = {
      {"application-load-balancers", "50"}, {"condition-values-per-alb-rule", "5"},
      {"condition-wildcards-per-alb-rule", "5"}, {"listeners-per-application-load-balancer", "50"},
      {"listeners-per-network-load-balancer", "50"}, {"network-load-balancer-enis-per-vpc", "1200"},
      {"network-load-balancers", "50"}, {"rules-per-application-load-balancer", "100"},
      {"target-groups", "3000"}, {"target-groups-per-action-on-application-load-balancer", "5"},
      {"target-groups-per-action-on-network-load-balancer", "1"}, {"target-groups-per-application-load-balancer", "100"},
      {"targets-per-application-load-balancer", "1000"}, {"targets-per-availability-zone-per-network-load-balancer", "500"},
      {"targets-per-network-load-balancer", "3000"}, {"certificates-per-application-load-balancer", "25"},
      {"certificates-per-network-load-balancer", "25"}};

  @ReadOnly
  public DescribeSslPoliciesResponse describeSSLPolicies(RequestContext ctx, DescribeSslPoliciesRequest request) {
    List<SslPolicies.Policy> found = new ArrayList<>();
    if (request.names().isEmpty()) {
      found.addAll(SslPolicies.all());
    } else {
      for (String name : request.names()) {
        found.add(SslPolicies.find(name).orElseThrow(() -> ElbErrors.code("SSLPolicyNotFound",
            "SSL policy '" + name + "' not found")));
      }
    }
    var page = ElbPaging.page(found, SslPolicies.Policy::name, request.pageSize(), request.marker());
    return DescribeSslPoliciesResponse.builder().sslPolicies(page.items().stream().map(ElbCatalog::render).toList())
        .nextMarker(page.nextToken()).build();
  }

  private static SslPolicy render(SslPolicies.Policy p) {
    return SslPolicy.builder().name(p.name()).sslProtocols(p.protocols())
        .ciphers(IntStream.range(0, p.ciphers().size())
            .mapToObj(i -> Cipher.builder().name(p.ciphers().get(i)).priority(i + 1).build()).toList())
        .supportedLoadBalancerTypes("application", "network").build();
  }

  @ReadOnly
  public DescribeAccountLimitsResponse describeAccountLimits(RequestContext ctx, DescribeAccountLimitsRequest request) {
    List<Limit> limits = java.util.Arrays.stream(LIMITS).map(l -> Limit.builder().name(l[0]).max(l[1]).build()).toList();
    var page = ElbPaging.page(limits, Limit::name, request.pageSize(), request.marker());
    return DescribeAccountLimitsResponse.builder().limits(page.items()).nextMarker(page.nextToken()).build();
  }
}
