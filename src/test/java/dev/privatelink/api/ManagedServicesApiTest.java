package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.PrefixList;

/**
 * AWS-managed endpoint services, gateway endpoints and prefix lists through the SDK, as Terraform
 * and the SDKs call them (control plane only).
 */
class ManagedServicesApiTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();
  StackClients account;

  @BeforeEach
  void reset() {
    CLOUD.reset();
    account = CLOUD.clients("111111111111");
  }

  @Test
  void describePrefixListsByServiceNameAsTerraformDoes() {
    var s3 = account.ec2().describePrefixLists(r -> r.filters(f -> f.name("prefix-list-name")
        .values("com.amazonaws.us-east-1.s3"))).prefixLists();
    assertEquals(1, s3.size());
    PrefixList list = s3.getFirst();
    assertEquals("pl-63a5400a", list.prefixListId());
    assertTrue(list.cidrs().size() > 1);
    assertTrue(account.ec2().describePrefixLists(r -> r.filters(f -> f.name("prefix-list-name")
        .values("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"))).prefixLists().isEmpty());
    var all = account.ec2().describePrefixListsPaginator(r -> r.maxResults(1)).prefixLists().stream().toList();
    assertEquals(2, all.size());
    Ec2Exception e = assertThrows(Ec2Exception.class, () -> account.ec2().describePrefixLists(r -> r.prefixListIds("pl-12345678")));
    assertEquals("InvalidPrefixListID.NotFound", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
  }
}
