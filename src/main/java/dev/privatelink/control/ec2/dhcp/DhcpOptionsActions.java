package dev.privatelink.control.ec2.dhcp;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.TagSpecs;
import dev.privatelink.control.ec2.vpc.VpcRecord;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import dev.privatelink.control.query.Page;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AssociateDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.AssociateDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.CreateDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.CreateDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.DeleteDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.DhcpConfiguration;
import software.amazon.awssdk.services.ec2.model.DhcpOptions;

/**
 * DHCP options sets: <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateDhcpOptions.html">CreateDhcpOptions</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeDhcpOptions.html">DescribeDhcpOptions</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssociateDhcpOptions.html">AssociateDhcpOptions</a> and
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteDhcpOptions.html">DeleteDhcpOptions</a>.
 * A set is kept and shown; the VPC resolver here answers as AmazonProvidedDNS whatever it says.
 */
public record DhcpOptionsActions(Ec2State state) implements ActionHandler {

  public CreateDhcpOptionsResponse createDhcpOptions(RequestContext ctx, CreateDhcpOptionsRequest request) {
    Scope scope = ctx.scope();
    List<DhcpOptionsRecord.Option> options = DhcpOptionRules.parse(request.dhcpConfigurations());
    TagSpecs.validate(state.tags(), scope, request.tagSpecifications(), "dhcp-options");
    var set = new DhcpOptionsRecord(ctx.ids().ec2Id("dopt"), ctx.accountId(), options);
    state.dhcpOptions().put(scope, set.dhcpOptionsId(), set);
    TagSpecs.apply(state.tags(), scope, set.dhcpOptionsId(), request.tagSpecifications(), "dhcp-options");
    return CreateDhcpOptionsResponse.builder().dhcpOptions(render(scope, set)).build();
  }

  @ReadOnly
  public DescribeDhcpOptionsResponse describeDhcpOptions(RequestContext ctx, DescribeDhcpOptionsRequest request) {
    Scope scope = ctx.scope();
    Integer max = request.maxResults();
    if (max != null && (max < 5 || max > 1000)) {
      throw AwsException.invalidParameterValue("Value ( " + max + " ) for parameter maxResults is invalid. "
          + "Parameter must be between 5 and 1000.");
    }
    Filters<DhcpOptionsRecord> filters = Filters.<DhcpOptionsRecord>of(d -> state.tagMap(scope, d.dhcpOptionsId()))
        .one("dhcp-options-id", DhcpOptionsRecord::dhcpOptionsId)
        .one("owner-id", DhcpOptionsRecord::ownerId)
        .many("key", d -> d.options().stream().map(DhcpOptionsRecord.Option::key).toList())
        .many("value", d -> d.options().stream().flatMap(o -> o.values().stream()).toList())
        .build();
    Page<DhcpOptions> page = Describe.of(DhcpOptionsRecord::dhcpOptionsId, Ec2Errors::dhcpOptionsNotFound, filters)
        .page(state.dhcpOptions().all(scope), request.dhcpOptionsIds(), request.filters(), max, request.nextToken())
        .map(d -> render(scope, d));
    return DescribeDhcpOptionsResponse.builder().dhcpOptions(page.items()).nextToken(page.nextToken()).build();
  }

  /** Associates a set with a VPC, or none with {@code default}; the VPC's previous set is left as it is. */
  public AssociateDhcpOptionsResponse associateDhcpOptions(RequestContext ctx, AssociateDhcpOptionsRequest request) {
    Scope scope = ctx.scope();
    if (request.dhcpOptionsId() == null) {
      throw Ec2Errors.required("DhcpOptionsId");
    }
    if (request.vpcId() == null) {
      throw Ec2Errors.required("VpcId");
    }
    String id = request.dhcpOptionsId();
    if (!id.equals("default")) {
      state.dhcpOptionsSet(scope, id);
    }
    VpcRecord vpc = state.vpc(scope, request.vpcId());
    state.vpcs().put(scope, vpc.vpcId(), vpc.withDhcpOptions(id));
    return AssociateDhcpOptionsResponse.builder().build();
  }

  public DeleteDhcpOptionsResponse deleteDhcpOptions(RequestContext ctx, DeleteDhcpOptionsRequest request) {
    Scope scope = ctx.scope();
    if (request.dhcpOptionsId() == null) {
      throw Ec2Errors.required("DhcpOptionsId");
    }
    DhcpOptionsRecord set = state.dhcpOptionsSet(scope, request.dhcpOptionsId());
    if (!state.vpcs().where(scope, v -> v.dhcpOptionsId().equals(set.dhcpOptionsId())).isEmpty()) {
      throw Ec2Errors.hasDependencies("dhcpOptions", set.dhcpOptionsId());
    }
    state.dhcpOptions().remove(scope, set.dhcpOptionsId());
    state.tags().drop(scope, set.dhcpOptionsId());
    return DeleteDhcpOptionsResponse.builder().build();
  }

  /** Keys in name order, as AWS lists them; each key's values in the order given. */
  private DhcpOptions render(Scope scope, DhcpOptionsRecord d) {
    List<DhcpConfiguration> configurations = d.options().stream()
        .sorted(Comparator.comparing(DhcpOptionsRecord.Option::key))
        .map(o -> DhcpConfiguration.builder().key(o.key())
            .values(o.values().stream().map(v -> AttributeValue.builder().value(v).build()).toList()).build())
        .toList();
    return DhcpOptions.builder().dhcpOptionsId(d.dhcpOptionsId()).ownerId(d.ownerId())
        .dhcpConfigurations(configurations).tags(state.tagList(scope, d.dhcpOptionsId())).build();
  }
}
