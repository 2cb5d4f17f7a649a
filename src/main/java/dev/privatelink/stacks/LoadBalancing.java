package dev.privatelink.stacks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.security.KeyPair;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;

/**
 * Find-or-create for the seed's load balancing: load balancers, target groups and listeners by
 * name or port, and the self-signed certificate imported into ACM (found again by its tag).
 */
final class LoadBalancing {
  private final ElasticLoadBalancingV2Client elb;
  private final AcmClient acm;
  private final Progress progress;

  LoadBalancing(ElasticLoadBalancingV2Client elb, AcmClient acm, Progress progress) {
    this.elb = elb;
    this.acm = acm;
    this.progress = progress;
  }

  LoadBalancer loadBalancer(String address, String name, String type, List<String> subnets, List<String> groups) {
    try {
      LoadBalancer lb = elb.describeLoadBalancers(r -> r.names(name)).loadBalancers().getFirst();
      progress.found(address, lb.loadBalancerArn());
      return lb;
    } catch (LoadBalancerNotFoundException e) {
      LoadBalancer lb = elb.createLoadBalancer(r -> r.name(name).type(type).scheme("internal").subnets(subnets)
          .securityGroups(groups.isEmpty() ? null : groups)).loadBalancers().getFirst();
      progress.created(address, lb.loadBalancerArn());
      return lb;
    }
  }

  void crossZone(String lbArn, boolean enabled) {
    elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lbArn).attributes(LoadBalancerAttribute.builder()
        .key("load_balancing.cross_zone.enabled").value(Boolean.toString(enabled)).build()));
  }

  TargetGroup targetGroup(String address, String name, String protocol, int port, String targetType, String vpcId,
      boolean httpsHealthCheck) {
    try {
      TargetGroup tg = elb.describeTargetGroups(r -> r.names(name)).targetGroups().getFirst();
      progress.found(address, tg.targetGroupArn());
      return tg;
    } catch (TargetGroupNotFoundException e) {
      TargetGroup tg = elb.createTargetGroup(r -> {
        r.name(name).protocol(protocol).port(port).targetType(targetType).vpcId(vpcId);
        if (httpsHealthCheck) {
          r.healthCheckProtocol("HTTPS").healthCheckPath("/").healthCheckPort(Integer.toString(port)).matcher(m -> m.httpCode("200"));
        }
      }).targetGroups().getFirst();
      progress.created(address, tg.targetGroupArn());
      return tg;
    }
  }

  void register(String address, String targetGroupArn, String targetId, int port) {
    boolean registered = elb.describeTargetHealth(r -> r.targetGroupArn(targetGroupArn)).targetHealthDescriptions()
        .stream().anyMatch(d -> targetId.equals(d.target().id()) && Integer.valueOf(port).equals(d.target().port()));
    if (registered) {
      progress.found(address, targetId + ":" + port);
      return;
    }
    elb.registerTargets(r -> r.targetGroupArn(targetGroupArn).targets(TargetDescription.builder().id(targetId).port(port).build()));
    progress.created(address, targetId + ":" + port);
  }

  Listener listener(String address, String lbArn, int port, String protocol, @Nullable String certificateArn,
      @Nullable String sslPolicy, String targetGroupArn) {
    for (Listener l : elb.describeListeners(r -> r.loadBalancerArn(lbArn)).listeners()) {
      if (l.port() == port) {
        progress.found(address, l.listenerArn());
        return l;
      }
    }
    Action forward = Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(targetGroupArn).build();
    Listener l = elb.createListener(r -> r.loadBalancerArn(lbArn).port(port).protocol(protocol).defaultActions(forward)
        .sslPolicy(sslPolicy).certificates(certificateArn == null ? null : List.of(Certificate.builder()
            .certificateArn(certificateArn).build()))).listeners().getFirst();
    progress.created(address, l.listenerArn());
    return l;
  }

  /**
   * The seed's certificate for {@code commonName}, imported once and found again by its tag. The
   * name is asked for only once the key exists, so a caller may make the key while the name's load
   * balancer is still being made.
   */
  String certificate(String address, Supplier<String> commonName) {
    for (CertificateSummary summary : acm.listCertificates().certificateSummaryList()) {
      boolean ours = acm.listTagsForCertificate(r -> r.certificateArn(summary.certificateArn())).tags().stream()
          .anyMatch(t -> t.key().equals(Ec2Resources.ADDRESS_TAG) && address.equals(t.value()));
      if (ours) {
        progress.found(address, summary.certificateArn());
        return summary.certificateArn();
      }
    }
    KeyPair keys = SelfSignedCertificate.newKeyPair();
    SelfSignedCertificate cert = SelfSignedCertificate.create(keys, commonName.get(), "ACME Demos", Duration.ofHours(72));
    String arn = acm.importCertificate(r -> r.certificate(SdkBytes.fromString(cert.certificatePem(), StandardCharsets.UTF_8))
        .privateKey(SdkBytes.fromString(cert.privateKeyPem(), StandardCharsets.UTF_8))
        .tags(software.amazon.awssdk.services.acm.model.Tag.builder().key(Ec2Resources.ADDRESS_TAG).value(address).build()))
        .certificateArn();
    progress.created(address, arn);
    return arn;
  }
}
