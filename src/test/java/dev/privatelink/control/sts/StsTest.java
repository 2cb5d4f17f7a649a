package dev.privatelink.control.sts;

import static org.junit.jupiter.api.Assertions.*;

import dev.privatelink.control.Cloud;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

class StsTest {
  private final Cloud cloud = new Cloud();

  @Test
  void rootCallerIsTheAccount() {
    var r = (GetCallerIdentityResponse) cloud.call("111111111111", "us-east-1", "arn:aws:iam::111111111111:root",
        GetCallerIdentityRequest.builder().build());
    assertEquals("111111111111", r.account());
    assertEquals("arn:aws:iam::111111111111:root", r.arn());
    assertEquals("111111111111", r.userId());
  }

  @Test
  void usersAndRolesGetStableAwsStyleIds() {
    String user = Sts.userId("111111111111", "arn:aws:iam::111111111111:user/alice");
    assertTrue(user.matches("AIDA[A-Z2-7]{17}"), user);
    assertEquals(user, Sts.userId("111111111111", "arn:aws:iam::111111111111:user/alice"));
    String role = Sts.userId("111111111111", "arn:aws:sts::111111111111:assumed-role/admin/bob");
    assertTrue(role.matches("AROA[A-Z2-7]{17}:bob"), role);
  }
}
