package dev.privatelink.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Tag;

/** The store: group commit, an fsync failure that leaves memory and disk equal, snapshots, replay. */
class StoreTest {
  static final String ACCOUNT = "111111111111";
  static final String REGION = "us-east-1";
  static final String PRINCIPAL = "arn:aws:iam::111111111111:root";

  @TempDir
  Path dir;

  final AtomicBoolean failForce = new AtomicBoolean();
  final Journal.Disk disk = channel -> {
    if (failForce.get()) {
      throw new IOException("injected fsync failure");
    }
    channel.force(false);
  };

  Store open() throws IOException {
    return Store.open(dir, disk, Long.MAX_VALUE, Clock.systemUTC());
  }

  @SuppressWarnings("unchecked")
  static <T extends SdkResponse> T call(Cloud cloud, SdkRequest request) {
    return (T) cloud.call(ACCOUNT, REGION, PRINCIPAL, request);
  }

  static List<String> vpcs(Cloud cloud) {
    DescribeVpcsResponse r = call(cloud, DescribeVpcsRequest.builder().build());
    return r.vpcs().stream().filter(v -> !Boolean.TRUE.equals(v.isDefault())).map(v -> v.vpcId()).sorted().toList();
  }

  static String vpc(Cloud cloud, String cidr) {
    CreateVpcResponse r = call(cloud, CreateVpcRequest.builder().cidrBlock(cidr).build());
    return r.vpc().vpcId();
  }

  @Test
  void aFailedFsyncLeavesMemoryAndDiskEqual() throws IOException {
    String kept;
    try (Store store = open()) {
      Cloud cloud = store.cloud();
      kept = vpc(cloud, "10.0.0.0/16");
      long version = cloud.version();
      failForce.set(true);
      AwsException e = assertThrows(AwsException.class, () -> vpc(cloud, "10.1.0.0/16"));
      assertEquals("InternalError", e.code());
      assertEquals(500, e.status());
      assertEquals("We encountered an internal error. Please try again.", e.getMessage());
      assertEquals(List.of(kept), vpcs(cloud), "describe shows nothing of the failed change");
      assertEquals(version, cloud.version(), "the state did not move");
      failForce.set(false);
      String after = vpc(cloud, "10.2.0.0/16");
      assertEquals(List.of(kept, after).stream().sorted().toList(), vpcs(cloud), "the writer's state was restored whole");
      kept = after;
    }
    try (Store again = open()) {
      assertEquals(2, vpcs(again.cloud()).size(), "the restart shows nothing of the failed change either");
      assertTrue(vpcs(again.cloud()).contains(kept));
    }
  }

  @Test
  void aSnapshotRestoresTheLiveStateAndTheJournalShrinksToItsTail() throws IOException {
    List<Object> before;
    try (Store store = open()) {
      Cloud cloud = store.cloud();
      for (int i = 0; i < 20; i++) {
        String gone = vpc(cloud, "10.9.0.0/16");
        call(cloud, CreateTagsRequest.builder().resources(gone).tags(Tag.builder().key("k").value("v").build()).build());
        call(cloud, DeleteVpcRequest.builder().vpcId(gone).build());
      }
      String vpc = vpc(cloud, "10.0.0.0/16");
      call(cloud, CreateTagsRequest.builder().resources(vpc).tags(Tag.builder().key("Name").value("kept").build()).build());
      call(cloud, CreateSubnetRequest.builder().vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a").build());
      call(cloud, CreateSecurityGroupRequest.builder().vpcId(vpc).groupName("web").description("web").build());
      call(cloud, CreateKeyPairRequest.builder().keyName("k").build());
      long journalBefore = totalJournalBytes();
      store.compact();
      assertTrue(totalJournalBytes() < journalBefore / 10, "the journal keeps only its tail");
      vpc(cloud, "10.5.0.0/16"); // after the snapshot: in the tail
      before = describeAll(cloud);
    }
    try (Store again = open()) {
      assertEquals(before, describeAll(again.cloud()));
      assertEquals(1, again.replayed(), "only the tail is replayed");
    }
  }

  @Test
  void aTornLastLineIsCutOffAndAFailingRecordIsSkipped() throws IOException {
    try (Store store = open()) {
      vpc(store.cloud(), "10.0.0.0/16");
    }
    Path segment = Journal.segments(dir).getLast();
    String line = Files.readAllLines(segment).getFirst();
    // A record the new code refuses (its VPC does not exist), then a torn line from a crash.
    String bad = line.replace("\"n\":1,", "\"n\":2,").replace("CreateVpcRequest", "DeleteVpcRequest")
        .replaceFirst("\"body\":\\{[^}]*\\}", "\"body\":{\"VpcId\":\"vpc-0123456789abcdef0\"}");
    Files.writeString(segment, bad + "\n" + line.substring(0, line.length() / 2), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (Store again = open()) {
      assertEquals(1, vpcs(again.cloud()).size());
      assertEquals(1, again.replayFailures(), "the failing record is logged and skipped, the start goes on");
      vpc(again.cloud(), "10.1.0.0/16");
    }
    try (Store third = open()) {
      assertEquals(2, vpcs(third.cloud()).size(), "the torn line was cut off before new records were appended");
    }
  }

  @Test
  void aResetSurvivesARestart() throws IOException {
    try (Store store = open()) {
      vpc(store.cloud(), "10.0.0.0/16");
      store.cloud().reset();
      vpc(store.cloud(), "10.1.0.0/16");
    }
    try (Store again = open()) {
      assertEquals(1, vpcs(again.cloud()).size());
    }
  }

  private List<Object> describeAll(Cloud cloud) {
    return List.of(call(cloud, DescribeVpcsRequest.builder().build()), call(cloud, DescribeSubnetsRequest.builder().build()),
        call(cloud, DescribeSecurityGroupsRequest.builder().build()), call(cloud, DescribeTagsRequest.builder().build()),
        call(cloud, DescribeKeyPairsRequest.builder().includePublicKey(true).build()));
  }

  private long totalJournalBytes() throws IOException {
    long total = 0;
    for (Path p : Journal.segments(dir)) {
      total += Files.size(p);
    }
    return total;
  }
}
