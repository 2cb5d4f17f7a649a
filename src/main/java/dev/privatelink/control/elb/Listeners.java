package dev.privatelink.control.elb;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.acm.AcmCertificates;
import dev.privatelink.control.query.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.*;

/**
 * Listeners: creation, look-up, modification, deletion and their attributes. The SNI certificates
 * are in {@link ListenerCertificates}.
 *
 * @see <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html">CreateListener</a>,
 *     DescribeListeners, ModifyListener, DeleteListener, DescribeListenerAttributes, ModifyListenerAttributes
 */
public record Listeners(ElbState state, AcmCertificates acm, ElbTagging tagging) implements ActionHandler {
  public CreateListenerResponse createListener(RequestContext ctx, CreateListenerRequest r) {
    Scope scope = ctx.scope();
    LoadBalancerRecord lb = state.loadBalancer(scope, r.loadBalancerArn());
    var checked = new ListenerConfig(r.port(), r.protocolAsString(), r.certificates(), r.sslPolicy(), r.alpnPolicy(),
        r.defaultActions()).check(scope, state, acm, lb, null);
    ElbTagging.validate(Map.of(), r.tags());
    String id = ctx.ids().hex(16);
    String arn = "arn:aws:elasticloadbalancing:" + ctx.region() + ":" + ctx.accountId() + ":listener/"
        + lb.resourcePath() + "/" + id;
    String ruleArn = arn.replace(":listener/", ":listener-rule/") + "/" + ctx.ids().hex(16);
    var listener = new ListenerRecord(arn, lb.arn(), checked.port(), checked.protocol(), checked.certificate(),
        List.of(), checked.sslPolicy(), checked.alpnPolicy(), checked.defaultActions(),
        attributeRules(lb).defaults(), ruleArn);
    state.listeners.put(scope, arn, listener);
    tagging.put(scope, arn, r.tags());
    return CreateListenerResponse.builder().listeners(render(listener)).build();
  }

  @ReadOnly
  public DescribeListenersResponse describeListeners(RequestContext ctx, DescribeListenersRequest r) {
    Scope scope = ctx.scope();
    List<ListenerRecord> found;
    if (!r.listenerArns().isEmpty() && r.loadBalancerArn() != null) {
      throw ElbErrors.validation("Listener ARNs and a load balancer ARN cannot be specified at the same time");
    } else if (!r.listenerArns().isEmpty()) {
      found = r.listenerArns().stream().map(arn -> state.listener(scope, arn)).toList();
    } else if (r.loadBalancerArn() != null) {
      found = state.listenersOf(scope, state.loadBalancer(scope, r.loadBalancerArn()).arn());
    } else {
      throw ElbErrors.validation("You must specify either listener ARNs or a load balancer ARN");
    }
    Page<ListenerRecord> page = ElbPaging.page(found, ListenerRecord::arn, r.pageSize(), r.marker());
    return DescribeListenersResponse.builder().listeners(page.items().stream().map(Listeners::render).toList())
        .nextMarker(page.nextToken()).build();
  }

  public ModifyListenerResponse modifyListener(RequestContext ctx, ModifyListenerRequest r) {
    Scope scope = ctx.scope();
    ListenerRecord old = state.listener(scope, r.listenerArn());
    LoadBalancerRecord lb = state.loadBalancer(scope, old.loadBalancerArn());
    String protocol = r.protocolAsString() != null ? r.protocolAsString() : old.protocol();
    boolean keepSecurity = protocol.equals(old.protocol());
    List<Certificate> certs = !r.certificates().isEmpty() ? r.certificates() : keepSecurity && old.defaultCertificate() != null
        ? List.of(Certificate.builder().certificateArn(old.defaultCertificate()).build()) : List.of();
    var checked = new ListenerConfig(r.port() != null ? r.port() : old.port(), protocol, certs,
        r.sslPolicy() != null ? r.sslPolicy() : keepSecurity ? old.sslPolicy() : null,
        !r.alpnPolicy().isEmpty() ? r.alpnPolicy() : keepSecurity ? old.alpnPolicy() : List.of(),
        !r.defaultActions().isEmpty() ? r.defaultActions() : old.defaultActions()).check(scope, state, acm, lb, old.arn());
    List<String> extras = checked.certificate() == null ? List.of() : old.extraCertificates();
    var updated = new ListenerRecord(old.arn(), old.loadBalancerArn(), checked.port(), checked.protocol(),
        checked.certificate(), extras, checked.sslPolicy(), checked.alpnPolicy(), checked.defaultActions(),
        old.attributes(), old.defaultRuleArn());
    state.listeners.put(scope, old.arn(), updated);
    return ModifyListenerResponse.builder().listeners(render(updated)).build();
  }

  public DeleteListenerResponse deleteListener(RequestContext ctx, DeleteListenerRequest r) {
    Scope scope = ctx.scope();
    forget(state, scope, state.listener(scope, r.listenerArn()));
    return DeleteListenerResponse.builder().build();
  }

  /** Removes a listener with its rules and their tags. */
  static void forget(ElbState state, Scope scope, ListenerRecord listener) {
    for (ListenerRuleRecord rule : state.rulesOf(scope, listener.arn())) {
      state.rules.remove(scope, rule.arn());
      state.tags.remove(scope, rule.arn());
    }
    state.tags.remove(scope, listener.defaultRuleArn());
    state.tags.remove(scope, listener.arn());
    state.listeners.remove(scope, listener.arn());
  }

  @ReadOnly
  public DescribeListenerAttributesResponse describeListenerAttributes(RequestContext ctx,
      DescribeListenerAttributesRequest r) {
    ListenerRecord listener = state.listener(ctx.scope(), r.listenerArn());
    LoadBalancerRecord lb = state.loadBalancer(ctx.scope(), listener.loadBalancerArn());
    return DescribeListenerAttributesResponse.builder().attributes(sdkAttributes(lb, listener)).build();
  }

  public ModifyListenerAttributesResponse modifyListenerAttributes(RequestContext ctx, ModifyListenerAttributesRequest r) {
    Scope scope = ctx.scope();
    ListenerRecord listener = state.listener(scope, r.listenerArn());
    LoadBalancerRecord lb = state.loadBalancer(scope, listener.loadBalancerArn());
    var changes = attributeRules(lb).changes(r.attributes(), ListenerAttribute::key, ListenerAttribute::value);
    if (!lb.isApplication() && changes.containsKey("tcp.idle_timeout.seconds") && !ElbProtocols.isTcp(listener.protocol())) {
      throw ElbErrors.invalidConfiguration("The attribute 'tcp.idle_timeout.seconds' applies to TCP listeners only");
    }
    ListenerRecord updated = listener.withAttributes(ElbState.merged(listener.attributes(), changes));
    state.listeners.put(scope, listener.arn(), updated);
    return ModifyListenerAttributesResponse.builder().attributes(sdkAttributes(lb, updated)).build();
  }

  static AttributeRules attributeRules(LoadBalancerRecord lb) {
    return lb.isApplication() ? AttributeRules.applicationListener() : AttributeRules.networkListener();
  }

  private static List<ListenerAttribute> sdkAttributes(LoadBalancerRecord lb, ListenerRecord l) {
    return attributeRules(lb).render(l.attributes(), (k, v) -> ListenerAttribute.builder().key(k).value(v).build());
  }

  static Listener render(ListenerRecord l) {
    var b = Listener.builder().listenerArn(l.arn()).loadBalancerArn(l.loadBalancerArn()).port(l.port())
        .protocol(l.protocol()).defaultActions(l.defaultActions()).sslPolicy(l.sslPolicy());
    if (l.defaultCertificate() != null) {
      b.certificates(Certificate.builder().certificateArn(l.defaultCertificate()).build());
    }
    if (!l.alpnPolicy().isEmpty()) {
      b.alpnPolicy(new ArrayList<>(l.alpnPolicy()));
    }
    return b.build();
  }
}
