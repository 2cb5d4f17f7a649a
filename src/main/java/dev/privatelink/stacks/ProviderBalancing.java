package dev.privatelink.stacks;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * The provider's load balancing as started steps: the internal HTTPS ALB in front of the instance
 * (with the imported certificate) and the internal NLB in front of the ALB, each resource as soon
 * as what it names exists.
 */
record ProviderBalancing(CompletableFuture<LoadBalancer> alb, CompletableFuture<TargetGroup> albTargetGroup,
    CompletableFuture<LoadBalancer> nlb, CompletableFuture<TargetGroup> nlbTargetGroup,
    CompletableFuture<@Nullable Void> done) {

  static ProviderBalancing start(Steps steps, StackClients clients, CompletableFuture<SeedStack.Network> net,
      CompletableFuture<String> group, CompletableFuture<Instance> instance) {
    var alb = steps.start(p -> lb(clients, p).loadBalancer("aws_lb.service_alb", "service-alb", "application",
        Steps.get(net).subnetIds(), List.of(Steps.get(group))));
    var albTg = steps.start(p -> lb(clients, p).targetGroup("aws_lb_target_group.service_alb", "service", "HTTP", 80,
        "instance", Steps.get(net).vpcId(), false));
    steps.start(p -> {
      lb(clients, p).register("aws_lb_target_group_attachment.service_alb", Steps.get(albTg).targetGroupArn(),
          Steps.get(instance).instanceId(), 80);
      return null;
    });
    var cert = steps.start(p -> lb(clients, p).certificate("aws_acm_certificate.service", () -> Steps.get(alb).dnsName()));
    var albListener = steps.start(p -> lb(clients, p).listener("aws_lb_listener.service_alb",
        Steps.get(alb).loadBalancerArn(), 443, "HTTPS", Steps.get(cert), "ELBSecurityPolicy-2016-08",
        Steps.get(albTg).targetGroupArn()));
    var nlb = steps.start(p -> {
      LoadBalancing lb = lb(clients, p);
      LoadBalancer made = lb.loadBalancer("aws_lb.service_nlb", "service-nlb", "network", Steps.get(net).subnetIds(), List.of());
      lb.crossZone(made.loadBalancerArn(), false);
      return made;
    });
    var nlbTg = steps.start(p -> lb(clients, p).targetGroup("aws_lb_target_group.service_nlb", "service-nlb", "TCP", 443,
        "alb", Steps.get(net).vpcId(), true));
    steps.start(p -> lb(clients, p).listener("aws_lb_listener.service_nlb", Steps.get(nlb).loadBalancerArn(), 443, "TCP",
        null, null, Steps.get(nlbTg).targetGroupArn()));
    // An ALB joins an NLB's target group on a port it listens on, so its listener comes first.
    var done = steps.<@Nullable Void>start(p -> {
      Steps.get(albListener);
      lb(clients, p).register("aws_lb_target_group_attachment.service_nlb", Steps.get(nlbTg).targetGroupArn(),
          Steps.get(alb).loadBalancerArn(), 443);
      return null;
    });
    return new ProviderBalancing(alb, albTg, nlb, nlbTg, done);
  }

  private static LoadBalancing lb(StackClients clients, Progress progress) {
    return new LoadBalancing(clients.elb(), clients.acm(), progress);
  }
}
