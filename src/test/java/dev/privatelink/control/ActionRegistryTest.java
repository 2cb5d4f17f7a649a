package dev.privatelink.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;

class ActionRegistryTest {
  private final ActionRegistry registry = new ActionRegistry(new Features().handlers());

  /** Actions that change nothing although AWS does not name them Describe, List or Get. */
  private static final Set<String> READS_BY_NATURE = Set.of("ExportCertificateRequest", "FilterLogEventsRequest");

  /**
   * AWS's naming is the contract: its Describe, List and Get actions read; every other action
   * writes, except the few that only read (ExportCertificate, whose passphrase must not be journaled;
   * FilterLogEvents, a query).
   */
  @Test
  void everyDescribeListAndGetActionIsReadOnlyAndEveryOtherAMutation() {
    Set<Class<?>> actions = registry.actions();
    assertTrue(actions.size() > 100, "the registry serves " + actions.size() + " actions");
    List<String> misdeclared = actions.stream()
        .filter(a -> registry.isReadOnly(a) != namedAsRead(a.getSimpleName()))
        .map(a -> a.getSimpleName() + (registry.isReadOnly(a) ? " is @ReadOnly" : " is not @ReadOnly"))
        .sorted().toList();
    assertEquals(List.of(), misdeclared);
  }

  @Test
  void theCloudTakesTheDeclarationNotTheName() {
    Cloud cloud = new Cloud();
    assertTrue(cloud.isReadOnly(DescribeVpcsRequest.builder().build()));
    assertFalse(cloud.isReadOnly(CreateVpcRequest.builder().build()));
  }

  private static boolean namedAsRead(String requestType) {
    return requestType.startsWith("Describe") || requestType.startsWith("List") || requestType.startsWith("Get")
        || READS_BY_NATURE.contains(requestType);
  }
}
