package dev.privatelink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AnalysisComponent;
import software.amazon.awssdk.services.ec2.model.Explanation;
import software.amazon.awssdk.services.ec2.model.PathComponent;

/**
 * How {@code trace} prints an analysis: one line per path component, and the explanation of what
 * blocks the path in plain words (the rule that is missing, the state, the zone), next to AWS's code.
 */
final class TraceReport {
  private TraceReport() {}

  static String hop(PathComponent c) {
    List<String> details = new ArrayList<>();
    if (c.securityGroupRule() != null) {
      var r = c.securityGroupRule();
      details.add(r.direction() + " rule " + r.protocol() + (r.portRange() == null ? "" : " " + r.portRange().from()
          + "-" + r.portRange().to()) + (r.cidr() == null ? "" : " " + r.cidr()));
    }
    if (c.aclRule() != null) {
      details.add("network ACL rule " + c.aclRule().ruleNumber() + " " + c.aclRule().ruleAction());
    }
    if (c.routeTableRoute() != null) {
      details.add("route " + c.routeTableRoute().destinationCidr() + " -> " + c.routeTableRoute().gatewayId());
    }
    if (c.outboundHeader() != null) {
      details.add("sends " + header(c.outboundHeader()));
    }
    if (c.inboundHeader() != null) {
      details.add("receives " + header(c.inboundHeader()));
    }
    if (c.serviceName() != null) {
      details.add(c.serviceName());
    }
    return String.format("%3d  %s%s", c.sequenceNumber(), c.component().id(),
        details.isEmpty() ? "" : "  (" + String.join("; ", details) + ")");
  }

  static String explanation(Explanation e) {
    String code = e.explanationCode();
    String words = switch (code) {
      case "ENI_SG_RULES_MISMATCH" -> "no " + e.direction() + " rule of security groups " + ids(e.securityGroups())
          + " of " + id(e.networkInterface()) + " admits the flow";
      case "BAD_STATE" -> badState(e);
      case "ELBV2_LISTENERS_MISMATCH" -> "load balancer " + e.loadBalancerArn() + " has no listener on port "
          + e.loadBalancerListenerPort();
      case "ELB_NOT_CROSSZONE" -> "cross-zone load balancing is off and " + e.loadBalancerArn() + " has no target in "
          + e.availabilityZones();
      case "VPCE_SERVICE_NOT_INSTALLED_IN_AZ" -> "the endpoint service has no load balancer node in " + e.availabilityZones();
      case "ELBV2_LISTENER_HAS_NO_TG" -> "target group " + id(e.loadBalancerTargetGroup()) + " has no targets";
      case "ELBV2_LISTENER_REQUIRES_TG_ACCEPT" -> "the listener forwards to no target group";
      case "NO_ROUTE_TO_DESTINATION" -> "the route table of " + id(e.subnet()) + " has no route to " + e.address();
      default -> "see the explanation code";
    };
    return words + " [" + code + "]";
  }

  private static String badState(Explanation e) {
    if (e.vpcEndpoint() != null) {
      return "endpoint " + id(e.vpcEndpoint()) + " is " + e.state() + ", not available";
    }
    if (e.loadBalancerTarget() != null) {
      return "target " + e.loadBalancerTarget().address() + ":" + e.loadBalancerTarget().port() + " of "
          + id(e.loadBalancerTargetGroup()) + " is " + e.state();
    }
    String what = e.component() != null ? id(e.component()) : String.valueOf(e.loadBalancerArn());
    return what + " is " + e.state();
  }

  static String probe(JsonNode p) {
    if (!p.path("connected").asBoolean(false)) {
      return "no connection to " + p.path("resolvedIp").asText() + " (curl exit " + p.path("curlExitCode").asText("-") + ")";
    }
    return "connected to " + p.path("resolvedIp").asText() + ", HTTP " + p.path("httpStatus").asText()
        + (p.path("nginx").asBoolean(false) ? ", nginx answered" : ", but not nginx's page");
  }

  private static String header(software.amazon.awssdk.services.ec2.model.AnalysisPacketHeader h) {
    return h.protocol() + " " + h.sourceAddresses() + " -> " + h.destinationAddresses()
        + (h.destinationPortRanges().isEmpty() ? "" : ":" + h.destinationPortRanges().getFirst().from());
  }

  private static String id(AnalysisComponent c) {
    return c == null ? "?" : c.id();
  }

  private static String ids(List<AnalysisComponent> cs) {
    return cs.stream().map(AnalysisComponent::id).toList().toString();
  }
}
