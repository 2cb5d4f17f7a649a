package dev.privatelink.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;

/**
 * A force that fails while other mutations are written behind the records it covers: it fails its
 * own mutation only; a mutation written meanwhile that does not depend on it is kept, one that
 * depends on it fails too, later mutations go on, and memory and disk stay equal.
 */
class FailedForceTest {
  @TempDir
  Path dir;

  private final AtomicBoolean armed = new AtomicBoolean();
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  /** The first force once armed waits until released, then fails; every other force is real. */
  private final Journal.Disk disk = channel -> {
    if (armed.compareAndSet(true, false)) {
      entered.countDown();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("injected fsync failure");
    }
    channel.force(false);
  };

  @Test
  void aFailedForceFailsOnlyTheMutationsItCoveredAndThoseThatDependOnThem() throws Exception {
    List<Object> memory;
    String kept;
    String independent;
    String later;
    String fingerprint;
    try (Store store = Store.open(dir, disk, Long.MAX_VALUE, Clock.systemUTC())) {
      Cloud cloud = store.cloud();
      kept = StoreTest.vpc(cloud, "10.0.0.0/16");
      StoreTest.call(cloud, CreateKeyPairRequest.builder().keyName("k").build());
      fingerprint = fingerprint(cloud);
      armed.set(true);
      CompletableFuture<Object> deleteKey = async(() -> StoreTest.call(cloud, DeleteKeyPairRequest.builder().keyName("k").build()));
      assertTrue(entered.await(60, TimeUnit.SECONDS), "the delete's force began");
      long lines = lines();
      CompletableFuture<Object> createVpc = async(() -> StoreTest.vpc(cloud, "10.2.0.0/16"));
      awaitLines(lines + 1);
      // Succeeds on the writer's state only because the delete took the key away.
      CompletableFuture<Object> createKey = async(() -> StoreTest.call(cloud, CreateKeyPairRequest.builder().keyName("k").build()));
      awaitLines(lines + 2);
      release.countDown();

      assertInternalError(deleteKey);
      independent = (String) createVpc.get(60, TimeUnit.SECONDS);
      assertInternalError(createKey);
      later = StoreTest.vpc(cloud, "10.3.0.0/16");
      assertEquals(List.of(independent, kept, later).stream().sorted().toList(), StoreTest.vpcs(cloud),
          "the mutation written behind the failed force is kept, and later ones go on");
      assertEquals(fingerprint, fingerprint(cloud), "the failed delete and the create that depended on it left the key as it was");
      memory = state(cloud);
    }
    try (Store again = Store.open(dir, disk, Long.MAX_VALUE, Clock.systemUTC())) {
      assertEquals(memory, state(again.cloud()), "the disk holds what memory held");
    }
  }

  private static String fingerprint(Cloud cloud) {
    DescribeKeyPairsResponse keys = StoreTest.call(cloud, DescribeKeyPairsRequest.builder().build());
    assertEquals(1, keys.keyPairs().size(), keys.toString());
    return keys.keyPairs().getFirst().keyFingerprint();
  }

  private static List<Object> state(Cloud cloud) {
    return List.of(StoreTest.call(cloud, DescribeVpcsRequest.builder().build()),
        StoreTest.call(cloud, DescribeKeyPairsRequest.builder().build()),
        StoreTest.call(cloud, DescribeSecurityGroupsRequest.builder().build()));
  }

  private static void assertInternalError(CompletableFuture<Object> call) throws Exception {
    try {
      call.get(60, TimeUnit.SECONDS);
      throw new AssertionError("the call succeeded");
    } catch (ExecutionException e) {
      AwsException error = assertInstanceOf(AwsException.class, e.getCause());
      assertEquals("InternalError", error.code());
      assertEquals(500, error.status());
    }
  }

  private static CompletableFuture<Object> async(java.util.function.Supplier<Object> call) {
    CompletableFuture<Object> f = new CompletableFuture<>();
    Thread.ofPlatform().start(() -> {
      try {
        f.complete(call.get());
      } catch (RuntimeException e) {
        f.completeExceptionally(e);
      }
    });
    return f;
  }

  /** Complete records in the journal's segments (written, durable or not). */
  private long lines() throws IOException {
    long n = 0;
    for (Path p : Journal.segments(dir)) {
      n += Files.readString(p).chars().filter(c -> c == '\n').count();
    }
    return n;
  }

  private void awaitLines(long n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lines() < n) {
      assertTrue(System.nanoTime() < deadline, "a record was written");
      Thread.sleep(5);
    }
  }
}
