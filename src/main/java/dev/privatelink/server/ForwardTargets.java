package dev.privatelink.server;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Features;
import dev.privatelink.control.privatelink.EndpointProjection;
import dev.privatelink.dataplane.forward.ForwardRoute;
import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.dataplane.spec.EniSpec;
import dev.privatelink.dataplane.spec.HostState;
import dev.privatelink.dataplane.spec.InstanceSpec;
import dev.privatelink.dataplane.spec.LoadBalancerSpec;
import dev.privatelink.dataplane.spec.VpcSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * Where {@code privatelink forward TARGET:PORT} goes, as SSM port forwarding does on AWS. An
 * instance: its own {@code localhost:PORT}, as
 * <a href="https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-working-with-sessions-start.html#sessions-remote-port-forwarding">AWS-StartPortForwardingSession</a>
 * does. An interface endpoint or a load balancer: dialled from a running instance of its VPC (the
 * endpoint's consumer VPC), as AWS-StartPortForwardingSessionToRemoteHost does through the
 * instance it runs on; the flow's source is that instance's private address, so the instance's
 * egress rules, the target's security groups and, for an endpoint, its acceptance apply exactly as
 * they do to that instance's own traffic. The address is the endpoint ENI or load balancer node in
 * the instance's subnet when there is one, else the first.
 */
final class ForwardTargets {
  private ForwardTargets() {}

  /** The route of {@code target} (id, name or ARN) on {@code port}, seen by {@code accountId} (null: any). */
  static ForwardRoute resolve(Features f, HostState host, String target, int port, @Nullable String accountId) {
    List<VpcSpec> vpcs = host.vpcs().stream().filter(v -> accountId == null || accountId.equals(v.accountId())).toList();
    if (target.startsWith("vpce-")) {
      return endpoint(f, vpcs, target, port, accountId);
    }
    Optional<LoadBalancerSpec> lb = vpcs.stream().flatMap(v -> v.loadBalancers().stream())
        .filter(l -> l.arn().equals(target) || l.name().equals(target)).findFirst();
    List<Map<String, String>> named = HostProjection.instanceDirectory(f).stream()
        .filter(i -> accountId == null || accountId.equals(i.get("accountId")))
        .filter(i -> i.get("instanceId").equals(target) || (i.get("name").equals(target) && !gone(i))).toList();
    if (lb.isPresent() && !named.isEmpty()) {
      throw invalid(target + " names both a load balancer and an instance: give the load balancer's ARN or the instance id");
    }
    if (lb.isPresent()) {
      return loadBalancer(vpcs, lb.get(), port);
    }
    if (named.size() > 1) {
      throw invalid("several instances are named " + target + " ("
          + String.join(", ", named.stream().map(i -> i.get("instanceId")).toList()) + "): give an instance id");
    }
    if (named.isEmpty()) {
      throw invalid("no endpoint, load balancer or instance is called " + target + " in this cloud: give a vpce- id, "
          + "a load balancer name or ARN, or an instance id or Name tag (aws ec2 describe-instances lists them)");
    }
    return instance(vpcs, named.getFirst().get("instanceId"), port, target);
  }

  private static ForwardRoute endpoint(Features f, List<VpcSpec> vpcs, String id, int port, @Nullable String accountId) {
    EndpointProjection e = f.privateLink().endpoints().stream()
        .filter(p -> p.endpointId().equals(id) && (accountId == null || accountId.equals(p.accountId()))).findFirst()
        .orElseThrow(() -> invalid("no VPC endpoint " + id + " in this cloud (aws ec2 describe-vpc-endpoints lists them)"));
    if (!e.available() || e.enis().isEmpty()) {
      throw invalid(id + " is " + e.state() + ", not available: it carries traffic once the service accepted it "
          + "(aws ec2 describe-vpc-endpoints shows its state)");
    }
    Via via = via(vpcs, e.consumerVpcId(), id);
    String address = e.enis().stream().filter(n -> n.subnetId().equals(via.subnetId())).findFirst()
        .orElse(e.enis().getFirst()).privateIp();
    return via.route(address, port, id);
  }

  private static ForwardRoute loadBalancer(List<VpcSpec> vpcs, LoadBalancerSpec lb, int port) {
    VpcSpec vpc = vpcs.stream().filter(v -> v.loadBalancers().contains(lb)).findFirst().orElseThrow();
    if (lb.nodes().isEmpty()) {
      throw invalid(lb.name() + " has no node yet: wait until it is active (aws elbv2 describe-load-balancers)");
    }
    Via via = via(vpcs, vpc.vpcId(), lb.name());
    String address = lb.nodes().stream().filter(n -> n.subnetId().equals(via.subnetId())).findFirst()
        .orElse(lb.nodes().getFirst()).privateIp();
    return via.route(address, port, lb.name());
  }

  private static ForwardRoute instance(List<VpcSpec> vpcs, String instanceId, int port, String target) {
    InstanceSpec i = vpcs.stream().flatMap(v -> v.instances().stream()).filter(s -> s.instanceId().equals(instanceId))
        .filter(InstanceSpec::running).findFirst()
        .orElseThrow(() -> invalid(instanceId + " is not running: start it first (aws ec2 start-instances)"));
    return new ForwardRoute(HostNames.instanceNamespace(i.instanceId()), "127.0.0.1", port, target, i.instanceId(),
        "127.0.0.1");
  }

  /** The instance a forward to an address of {@code vpcId} is dialled from. */
  private record Via(InstanceSpec instance, String subnetId) {
    ForwardRoute route(String address, int port, String target) {
      return new ForwardRoute(HostNames.instanceNamespace(instance.instanceId()), address, port, target,
          instance.instanceId(), instance.privateIp());
    }
  }

  private static Via via(List<VpcSpec> vpcs, String vpcId, String target) {
    VpcSpec vpc = vpcs.stream().filter(v -> v.vpcId().equals(vpcId)).findFirst().orElse(null);
    List<InstanceSpec> running = vpc == null ? List.of()
        : vpc.instances().stream().filter(InstanceSpec::running).sorted(Comparator.comparing(InstanceSpec::instanceId)).toList();
    if (vpc == null || running.isEmpty()) {
      throw invalid(target + " is reached from a running instance of its VPC " + vpcId
          + ", as SSM port forwarding is, and that VPC has none: launch one there (aws ec2 run-instances)");
    }
    InstanceSpec i = running.getFirst();
    String subnet = vpc.enis().stream().filter(n -> n.eniId().equals(i.eniId())).map(EniSpec::subnetId).findFirst().orElse("");
    return new Via(i, subnet);
  }

  /** A terminated instance keeps its Name tag for a while, as on AWS, but is no longer a target. */
  private static boolean gone(Map<String, String> instance) {
    InstanceStateName state = InstanceStateName.fromValue(instance.get("state"));
    return state == InstanceStateName.SHUTTING_DOWN || state == InstanceStateName.TERMINATED;
  }

  private static AwsException invalid(String message) {
    return AwsException.invalidParameterValue(message);
  }
}
