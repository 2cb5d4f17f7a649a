package dev.privatelink.control.elb;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.acm.AcmCertificates;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.*;

/**
 * The certificate list of an HTTPS or TLS listener: the default one (set by Create/ModifyListener)
 * and the extra ones SNI chooses among.
 *
 * @see <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_AddListenerCertificates.html">AddListenerCertificates</a>,
 *     RemoveListenerCertificates, DescribeListenerCertificates
 */
public record ListenerCertificates(ElbState state, AcmCertificates acm) implements ActionHandler {
  private static final int MAX_CERTIFICATES = 25;

  public AddListenerCertificatesResponse addListenerCertificates(RequestContext ctx, AddListenerCertificatesRequest r) {
    Scope scope = ctx.scope();
    ListenerRecord listener = secureListener(scope, r.listenerArn());
    List<String> extras = new ArrayList<>(listener.extraCertificates());
    for (Certificate c : r.certificates()) {
      if (acm.certificate(scope, c.certificateArn()).isEmpty()) {
        throw ElbErrors.code("CertificateNotFound", "Certificate '" + c.certificateArn() + "' not found");
      }
      if (!extras.contains(c.certificateArn()) && !c.certificateArn().equals(listener.defaultCertificate())) {
        extras.add(c.certificateArn());
      }
    }
    if (extras.size() + 1 > MAX_CERTIFICATES) {
      throw ElbErrors.code("TooManyCertificates", "You've reached the limit on the number of certificates per load balancer");
    }
    state.listeners.put(scope, listener.arn(), listener.withExtraCertificates(extras));
    return AddListenerCertificatesResponse.builder().certificates(r.certificates().stream()
        .map(c -> Certificate.builder().certificateArn(c.certificateArn()).isDefault(false).build()).toList()).build();
  }

  public RemoveListenerCertificatesResponse removeListenerCertificates(RequestContext ctx,
      RemoveListenerCertificatesRequest r) {
    Scope scope = ctx.scope();
    ListenerRecord listener = secureListener(scope, r.listenerArn());
    List<String> extras = new ArrayList<>(listener.extraCertificates());
    for (Certificate c : r.certificates()) {
      if (c.certificateArn().equals(listener.defaultCertificate())) {
        throw ElbErrors.operationNotPermitted("The default certificate of a listener cannot be removed; use ModifyListener");
      }
      extras.remove(c.certificateArn());
    }
    state.listeners.put(scope, listener.arn(), listener.withExtraCertificates(extras));
    return RemoveListenerCertificatesResponse.builder().build();
  }

  @ReadOnly
  public DescribeListenerCertificatesResponse describeListenerCertificates(RequestContext ctx,
      DescribeListenerCertificatesRequest r) {
    ListenerRecord listener = state.listener(ctx.scope(), r.listenerArn());
    List<Certificate> all = new ArrayList<>();
    if (listener.defaultCertificate() != null) {
      all.add(Certificate.builder().certificateArn(listener.defaultCertificate()).isDefault(true).build());
    }
    listener.extraCertificates().forEach(arn -> all.add(Certificate.builder().certificateArn(arn).isDefault(false).build()));
    var page = ElbPaging.page(all, Certificate::certificateArn, r.pageSize(), r.marker());
    return DescribeListenerCertificatesResponse.builder().certificates(page.items()).nextMarker(page.nextToken()).build();
  }

  private ListenerRecord secureListener(Scope scope, String arn) {
    ListenerRecord listener = state.listener(scope, arn);
    if (!listener.isSecure()) {
      throw ElbErrors.validation("Certificates can only be added to HTTPS and TLS listeners");
    }
    return listener;
  }
}
