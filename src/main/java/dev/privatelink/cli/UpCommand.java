package dev.privatelink.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.privatelink.server.ServerInfo;
import dev.privatelink.server.ServerOptions;
import dev.privatelink.stacks.SeedOutputs;
import dev.privatelink.stacks.SelfSignedCertificate;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code up}: starts the cloud (or finds the one running on this data dir), has it apply the seed
 * stack (see {@link SeedApply}), and prints its outputs. Without {@code --detach} it then keeps the cloud
 * running in the foreground until Ctrl-C.
 */
final class UpCommand {
  private static final String DEFAULT_ACCOUNT = "000000000000";
  /** The background server this up started, until the stack is ready. */
  private static final java.util.concurrent.atomic.AtomicReference<@Nullable Process> UNREADY_SERVER =
      new java.util.concurrent.atomic.AtomicReference<>();
  /** Set by the shutdown hook: a server spawned after it must not outlive this up. */
  private static volatile boolean stopping;

  int run(List<String> words) {
    Args args = Args.parse(words, Set.of("detach", "json", "no-dataplane", "allow-unsigned-reset"))
        .allow(union(CloudOptions.NAMES, Set.of("accounts", "stack")));
    Optional<java.nio.file.Path> stack = args.option("stack").map(UserStack::directory);
    ServerOptions options = CloudOptions.server(args);
    String[] accounts = accounts(args);
    PrintStream log = args.flag("json") ? System.err : System.out;
    Instant start = Instant.now();
    Optional<ServerInfo> running = StartChecks.running(options);
    running.ifPresent(r -> StartChecks.sameAddress(args, options, r));
    if (running.isEmpty()) {
      StartChecks.portFree(options);
      StartChecks.dataDirWritable(options);
    }
    ForegroundCloud foreground = null;
    String endpoint;
    if (running.isPresent()) {
      endpoint = running.get().endpoint();
      log.println("Using the cloud already running at " + endpoint);
    } else if (args.flag("detach")) {
      // A signal before Ready stops the background server this up started, which cleans the host up.
      Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(UpCommand::stopUnreadyServer));
      endpoint = Detached.start(options, stack.isPresent() ? words : withSeed(words), log, UpCommand::startedServer);
    } else {
      if (stack.isEmpty()) {
        SelfSignedCertificate.prepareKey();
      }
      foreground = ForegroundCloud.start(options);
      endpoint = foreground.cloud().endpoint();
      log.println("Cloud started at " + endpoint + " (data in " + options.dataDir() + ")");
    }
    if (stack.isPresent()) {
      return upStack(stack.get(), endpoint, args.flag("json"), log, start, foreground);
    }
    log.println("Applying the seed stack (provider " + accounts[0] + ", consumer " + accounts[1] + "):");
    SeedOutputs outputs = SeedApply.apply(options.dataDir(), accounts[0], accounts[1], log, foreground);
    if (options.dataPlane()) {
      checkFromConsumer(options, outputs, log, foreground);
    }
    UNREADY_SERVER.set(null);
    log.printf("Ready in %.1f s%n", Duration.between(start, Instant.now()).toMillis() / 1000.0);
    print(outputs, args.flag("json"));
    if (!args.flag("json") && options.dataPlane()) {
      printHint(outputs, args.option("data-dir"));
    }
    if (foreground != null) {
      log.println("The cloud runs until Ctrl-C (use --detach to leave it running in the background).");
      foreground.awaitShutdown();
    }
    return 0;
  }

  /** {@code --stack DIR}: the user's Terraform directory in place of the seed (see {@link UserStack}). */
  private static int upStack(java.nio.file.Path dir, String endpoint, boolean json, PrintStream log, Instant start,
      @Nullable ForegroundCloud foreground) {
    try {
      UserStack.apply(endpoint, dir, log, json);
    } catch (CommandException e) {
      if (foreground != null) {
        foreground.close();
      }
      throw e;
    }
    UNREADY_SERVER.set(null);
    log.printf("Ready in %.1f s%n", Duration.between(start, Instant.now()).toMillis() / 1000.0);
    UserStack.printOutputs(endpoint, dir, json);
    if (foreground != null) {
      log.println("The cloud runs until Ctrl-C (use --detach to leave it running in the background).");
      foreground.awaitShutdown();
    }
    return 0;
  }

  /** Called under {@link Detached#SPAWN}: keeps the new server to stop on a signal, or stops it now if one came. */
  private static void startedServer(Process server) {
    if (stopping) {
      stop(server);
    } else {
      UNREADY_SERVER.set(server);
    }
  }

  /** Stops a background server this up started and that is not ready yet; waits for it to clean up. */
  private static void stopUnreadyServer() {
    Process server;
    // A signal may come while the server is being spawned: the lock makes the hook wait for it.
    synchronized (Detached.SPAWN) {
      stopping = true;
      server = UNREADY_SERVER.getAndSet(null);
    }
    if (server != null) {
      stop(server);
    }
  }

  private static void stop(Process server) {
    if (server.isAlive()) {
      server.destroy();
      try {
        server.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void checkFromConsumer(ServerOptions options, SeedOutputs outputs, PrintStream log,
      @Nullable ForegroundCloud cloud) {
    try {
      ConsumerCheck.run(options.dataDir(), outputs, log);
    } catch (CommandException e) {
      if (cloud != null) {
        cloud.close();
      }
      throw e;
    }
  }

  private static String[] accounts(Args args) {
    Optional<String> given = args.option("accounts");
    if (given.isEmpty()) {
      return new String[] {DEFAULT_ACCOUNT, DEFAULT_ACCOUNT};
    }
    String[] parts = given.get().split(",");
    if (parts.length != 2 || !parts[0].matches("\\d{12}") || !parts[1].matches("\\d{12}")) {
      throw new Args.UsageException("--accounts takes two 12-digit account ids: PROVIDER,CONSUMER");
    }
    return parts;
  }

  private static void print(SeedOutputs outputs, boolean json) {
    if (json) {
      try {
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(outputs));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new CommandException("could not write the outputs", e);
      }
      return;
    }
    System.out.println();
    System.out.println("Outputs:");
    System.out.println("consumer_public_ip = \"" + outputs.consumerPublicIp() + "\"");
    System.out.println("consumer_endpoint_dns_names = [");
    outputs.consumerEndpointDnsNames().forEach(u -> System.out.println("  \"" + u + "\","));
    System.out.println("]");
  }

  /** The post's test, as a command that works when copied: exec finds the cloud by its data dir. */
  private static void printHint(SeedOutputs outputs, Optional<String> dataDir) {
    if (outputs.consumerEndpointDnsNames().isEmpty()) {
      return;
    }
    String where = dataDir.map(d -> " --data-dir " + Shell.quote(d)).orElse("");
    System.out.println();
    System.out.println("Try it from the consumer instance:");
    System.out.println("  ./privatelink exec" + where + " " + outputs.consumerInstanceId() + " -- curl -sk "
        + outputs.consumerEndpointDnsNames().getFirst());
  }

  /** The server is told the seed comes next, so that it makes the certificate's key while it starts. */
  private static List<String> withSeed(List<String> words) {
    List<String> out = new java.util.ArrayList<>(words);
    out.add("--expect-seed");
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    var out = new java.util.HashSet<>(a);
    out.addAll(b);
    return out;
  }
}
