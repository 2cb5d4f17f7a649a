package dev.privatelink.store;

import dev.privatelink.control.Cloud;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The process {@link CrashLoopTest} kills: opens the store of a data dir (a small compaction size,
 * so snapshots and compactions happen all the time) and writes a mixed stream of mutations from
 * two accounts at once, printing each change on stdout once it is acknowledged.
 * Arguments: data dir, run number.
 */
public final class CrashWriter {
  private CrashWriter() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int run = Integer.parseInt(args[1]);
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
    Store store = Store.open(dir, Journal.Disk.REAL, 16 << 10, Clock.systemUTC());
    // Warm up (class loading, the first call's JIT) in an account nobody checks, so that the
    // kill lands in the stream rather than in start-up.
    call(store.cloud(), "999999999999", CreateVpcRequest.builder().cidrBlock("10.0.0.0/16").build(), CreateVpcResponse.class);
    out.println("ready");
    List<Thread> threads = new ArrayList<>();
    for (String account : List.of("111111111111", "222222222222")) {
      threads.add(Thread.ofPlatform().start(() -> write(store.cloud(), account, run, out)));
    }
    threads.add(Thread.ofPlatform().start(() -> {
      while (true) {
        try {
          out.println("compacting");
          store.compact();
          out.println("compacted");
          Thread.sleep(100);
        } catch (Exception e) {
          return;
        }
      }
    }));
    for (Thread t : threads) {
      t.join();
    }
  }

  private static void write(Cloud cloud, String account, int run, PrintStream out) {
    for (int i = 0; ; i++) {
      String vpc = call(cloud, account, CreateVpcRequest.builder().cidrBlock("10.0.0.0/16").build(), CreateVpcResponse.class)
          .vpc().vpcId();
      out.println("vpc " + account + " " + vpc);
      String name = run + "-" + i;
      call(cloud, account, CreateTagsRequest.builder().resources(vpc).tags(Tag.builder().key("Name").value(name).build()).build(),
          SdkResponse.class);
      out.println("tag " + account + " " + vpc + " " + name);
      String subnet = call(cloud, account, CreateSubnetRequest.builder().vpcId(vpc).cidrBlock("10.0.1.0/24")
          .availabilityZone("us-east-1a").build(), CreateSubnetResponse.class).subnet().subnetId();
      out.println("subnet " + account + " " + vpc + " " + subnet);
      if (i % 3 == 2) {
        out.println("deleting " + account + " " + vpc);
        call(cloud, account, DeleteSubnetRequest.builder().subnetId(subnet).build(), SdkResponse.class);
        call(cloud, account, DeleteVpcRequest.builder().vpcId(vpc).build(), SdkResponse.class);
        out.println("deleted " + account + " " + vpc);
      }
      if (i % 7 == 3) {
        String key = "k" + name;
        call(cloud, account, CreateKeyPairRequest.builder().keyName(key).build(), SdkResponse.class);
        out.println("key " + account + " " + key);
      }
    }
  }

  static <T extends SdkResponse> T call(Cloud cloud, String account, SdkRequest request, Class<T> type) {
    return type.cast(cloud.call(account, "us-east-1", "arn:aws:iam::" + account + ":root", request));
  }
}
