package dev.privatelink.control.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AssociateDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.CreateDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.CreateDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.DhcpOptions;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NewDhcpConfiguration;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

class DhcpOptionsTest {
  private final Ec2Fixture f = new Ec2Fixture();

  private static NewDhcpConfiguration option(String key, String... values) {
    return NewDhcpConfiguration.builder().key(key).values(values).build();
  }

  private String create(NewDhcpConfiguration... options) {
    CreateDhcpOptionsResponse r = f.call(CreateDhcpOptionsRequest.builder().dhcpConfigurations(options).build());
    return r.dhcpOptions().dhcpOptionsId();
  }

  private String dhcpOf(String vpcId) {
    DescribeVpcsResponse r = f.call(DescribeVpcsRequest.builder().vpcIds(vpcId).build());
    return r.vpcs().get(0).dhcpOptionsId();
  }

  @Test
  void createReturnsTheSetWithKeysInOrderAndTags() {
    CreateDhcpOptionsResponse r = f.call(CreateDhcpOptionsRequest.builder().dhcpConfigurations(
            option("ntp-servers", "10.0.0.10", "10.0.0.11"), option("domain-name", "corp.example"))
        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.DHCP_OPTIONS)
            .tags(Tag.builder().key("Name").value("corp").build()).build()).build());
    DhcpOptions d = r.dhcpOptions();
    assertTrue(d.dhcpOptionsId().matches("dopt-" + Ec2Fixture.ID17));
    assertEquals(Ec2Fixture.ACCOUNT, d.ownerId());
    assertEquals(List.of("domain-name", "ntp-servers"), d.dhcpConfigurations().stream().map(c -> c.key()).toList());
    assertEquals(List.of("10.0.0.10", "10.0.0.11"),
        d.dhcpConfigurations().get(1).values().stream().map(v -> v.value()).toList());
    assertEquals(List.of(Tag.builder().key("Name").value("corp").build()), d.tags());
  }

  @Test
  void invalidOptionsAreRejectedBeforeAnythingChanges() {
    f.fails("MissingParameter", CreateDhcpOptionsRequest.builder().build());
    f.fails("InvalidParameterValue", CreateDhcpOptionsRequest.builder().dhcpConfigurations(option("colour", "blue")).build());
    f.fails("InvalidParameterValue", CreateDhcpOptionsRequest.builder().dhcpConfigurations(
        option("domain-name", "a"), option("domain-name", "b")).build());
    f.fails("InvalidParameterValue", CreateDhcpOptionsRequest.builder().dhcpConfigurations(
        option("domain-name-servers", "1.1.1.1", "1.1.1.2", "1.1.1.3", "1.1.1.4", "1.1.1.5")).build());
    f.fails("InvalidParameterValue", CreateDhcpOptionsRequest.builder().dhcpConfigurations(
        option("domain-name-servers", "not-an-ip")).build());
    f.fails("InvalidParameterValue", CreateDhcpOptionsRequest.builder().dhcpConfigurations(option("netbios-node-type", "3")).build());
    f.fails("InvalidParameterValue", CreateDhcpOptionsRequest.builder().dhcpConfigurations(
        option("ipv6-address-preferred-lease-time", "100")).build());
    f.fails("InvalidParameterValue", CreateDhcpOptionsRequest.builder().dhcpConfigurations(option("domain-name")).build());
  }

  @Test
  void describeHonoursIdsFiltersAndPages() {
    String corp = create(option("domain-name", "corp.example"), option("domain-name-servers", "10.0.0.2"));
    String ntp = create(option("ntp-servers", "10.0.0.10"));
    f.call(CreateTagsRequest.builder().resources(ntp).tags(Tag.builder().key("team").value("time").build()).build());
    assertEquals(List.of(corp), ids(DescribeDhcpOptionsRequest.builder().dhcpOptionsIds(corp).build()));
    assertEquals(List.of(corp), ids(filter("value", "corp.*")));
    assertEquals(List.of(ntp), ids(filter("key", "ntp-servers")));
    assertEquals(List.of(ntp), ids(filter("tag:team", "time")));
    assertEquals(List.of(corp), ids(filter("dhcp-options-id", corp)));
    assertEquals(3, ids(filter("owner-id", Ec2Fixture.ACCOUNT)).size(), "the default set and the two made here");
    DescribeDhcpOptionsResponse first = f.call(DescribeDhcpOptionsRequest.builder().maxResults(5).build());
    assertNull(first.nextToken());
    f.fails("InvalidParameterValue", DescribeDhcpOptionsRequest.builder().maxResults(4).build());
    f.fails("InvalidDhcpOptionID.NotFound", DescribeDhcpOptionsRequest.builder().dhcpOptionsIds("dopt-00000000000000000").build());
    f.fails("InvalidParameterValue", filter("no-such-filter", "x"));
  }

  @Test
  void associateShowsOnTheVpcAndDefaultRemovesTheSet() {
    String vpcId = f.vpc("10.0.0.0/16");
    String defaultSet = dhcpOf(vpcId);
    assertNotNull(defaultSet);
    assertTrue(defaultSet.startsWith("dopt-"), "a new VPC gets the region's default set, as in AWS");
    String corp = create(option("domain-name", "corp.example"));
    f.call(AssociateDhcpOptionsRequest.builder().vpcId(vpcId).dhcpOptionsId(corp).build());
    assertEquals(corp, dhcpOf(vpcId));
    assertEquals(List.of(vpcId), f.<DescribeVpcsResponse>call(DescribeVpcsRequest.builder()
        .filters(Filter.builder().name("dhcp-options-id").values(corp).build()).build()).vpcs().stream().map(v -> v.vpcId()).toList());
    f.fails("DependencyViolation", DeleteDhcpOptionsRequest.builder().dhcpOptionsId(corp).build());
    f.call(AssociateDhcpOptionsRequest.builder().vpcId(vpcId).dhcpOptionsId("default").build());
    assertEquals("default", dhcpOf(vpcId));
    f.call(DeleteDhcpOptionsRequest.builder().dhcpOptionsId(corp).build());
    f.fails("InvalidDhcpOptionID.NotFound", DeleteDhcpOptionsRequest.builder().dhcpOptionsId(corp).build());
    f.fails("InvalidDhcpOptionID.NotFound", AssociateDhcpOptionsRequest.builder().vpcId(vpcId).dhcpOptionsId(corp).build());
    f.fails("InvalidVpcID.NotFound", AssociateDhcpOptionsRequest.builder().vpcId("vpc-00000000000000000")
        .dhcpOptionsId("default").build());
    f.fails("MissingParameter", AssociateDhcpOptionsRequest.builder().vpcId(vpcId).build());
  }

  @Test
  void withoutTheDefaultSetNewVpcsHaveNone() {
    String vpcId = f.vpc("10.0.0.0/16");
    String defaultSet = dhcpOf(vpcId);
    f.call(AssociateDhcpOptionsRequest.builder().vpcId(vpcId).dhcpOptionsId("default").build());
    DescribeVpcsResponse vpcs = f.call(DescribeVpcsRequest.builder().build());
    vpcs.vpcs().stream().filter(v -> v.isDefault()).forEach(v -> f.call(AssociateDhcpOptionsRequest.builder()
        .vpcId(v.vpcId()).dhcpOptionsId("default").build()));
    f.call(DeleteDhcpOptionsRequest.builder().dhcpOptionsId(defaultSet).build());
    assertEquals("default", dhcpOf(f.vpc("10.1.0.0/16")));
  }

  private DescribeDhcpOptionsRequest filter(String name, String value) {
    return DescribeDhcpOptionsRequest.builder().filters(Filter.builder().name(name).values(value).build()).build();
  }

  private List<String> ids(DescribeDhcpOptionsRequest request) {
    DescribeDhcpOptionsResponse r = f.call(request);
    return r.dhcpOptions().stream().map(DhcpOptions::dhcpOptionsId).toList();
  }
}
