package dev.privatelink.cli;

import java.util.Arrays;
import java.util.List;

/**
 * {@code privatelink <command> …}: up, down, serve, status, exec, forward, trace, notifications, console, terraform, reset.
 * Each command is one class that parses its words and calls into the rest of the program.
 */
public final class Main {
  static final String USAGE = """
      usage: privatelink <command> [options]

        up [--detach] [--json] [--accounts PROVIDER,CONSUMER] [--stack TERRAFORM_DIR] [--port N] [--data-dir DIR]
           [--no-dataplane] [--health-timing fast|aws] [--flow-log-timing fast|aws] [--notification-webhook URL]
           [--allow-unsigned-reset]
                     start the local cloud and bring up the seed system through the AWS API
                     (--stack: apply your own Terraform directory instead, and print its outputs)
        down [--purge] [--data-dir DIR]
                     stop the cloud and remove every host object (--purge also deletes the state)
        serve [--detach] [--host H] [--port N] [--data-dir DIR] [--strict-auth CREDENTIALS_FILE] [--no-dataplane]
              [--health-timing fast|aws] [--flow-log-timing fast|aws] [--notification-webhook URL] [--allow-unsigned-reset]
                     run the cloud's API in the foreground, with no stack
                     (--allow-unsigned-reset: an unsigned POST /moto-api/reset empties the whole
                     cloud, as moto's server does; off by default, a signed one resets its account)
        status [--data-dir DIR]
                     say whether a cloud is running, and where
        exec <instance id or Name tag> [--data-dir DIR] [-- command…]
                     run a command (or a shell) inside an instance
        forward <endpoint id | lb name or ARN | instance id or Name>:<port> [local port] [--detach] [--data-dir DIR]
        forward --list | --stop LOCAL_PORT [--data-dir DIR]
                     a port on 127.0.0.1 that reaches the target inside its VPC, as SSM port forwarding
                     does (an endpoint or load balancer through an instance of its VPC); until Ctrl-C,
                     or with --detach until --stop or the cloud stops
        trace <instance id or Name tag> <host>:<port> [--region R] [--data-dir DIR]
                     analyse the path from the instance (Reachability Analyzer), print it hop by hop
                     and what blocks it, then connect from inside the instance and print the outcome
        notifications [--json] [--follow] [--data-dir DIR]
                     endpoint connection notifications (Accept, Connect, Delete, Reject) as a table,
                     or their raw messages with --json; --follow waits for more, across restarts
        console [--data-dir DIR]
                     print the address of the live picture (accounts, VPCs, load balancers, endpoint
                     services, endpoints, their states and links); it carries the local token
        terraform [--endpoint URL | --port N | --data-dir DIR] [--region R] [--access-key K] [--secret-key S]
                  [terraform args…]
                     run terraform here against the local cloud, with a generated provider override
        reset --all | --account ID [--data-dir DIR]
                     empty the whole running cloud, or one account in every region
      """;

  private Main() {}

  public static void main(String[] argv) {
    setUp();
    System.exit(run(Arrays.asList(argv)));
  }

  /** What every command's JVM sets before it runs one. */
  static void setUp() {
    // One line per log record, and only warnings unless PRIVATELINK_LOG says otherwise.
    System.setProperty("java.util.logging.SimpleFormatter.format", "privatelink %4$s: %5$s%6$s%n");
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.parse(
        System.getenv().getOrDefault("PRIVATELINK_LOG", "WARNING")));
    // Netty probes the host's interfaces for a MAC address to make channel ids, and warns when a
    // namespace has none; the ids only label log lines, so a per-process value serves as well.
    byte[] machineId = new byte[8];
    java.util.concurrent.ThreadLocalRandom.current().nextBytes(machineId);
    System.setProperty("io.netty.machineId", java.util.HexFormat.ofDelimiter(":").formatHex(machineId));
    // Netty's pooled allocator announces every new chunk as a JFR event, and the event class's first
    // use starts JFR's metadata repository: 150-250 ms on the event loop of the API's first answer
    // (the one `up` waits for). A user recording with JFR can still ask for the events.
    if (System.getProperty("io.netty.jfr.enabled") == null) {
      System.setProperty("io.netty.jfr.enabled", "false");
    }
  }

  static int run(List<String> argv) {
    if (argv.isEmpty() || argv.getFirst().equals("help") || argv.getFirst().equals("--help")) {
      System.out.print(USAGE);
      return argv.isEmpty() ? 2 : 0;
    }
    List<String> rest = argv.subList(1, argv.size());
    try {
      return switch (argv.getFirst()) {
        case "up" -> new UpCommand().run(rest);
        case "down" -> new DownCommand().run(rest);
        case "serve" -> new ServeCommand().run(rest);
        case "status" -> new StatusCommand().run(rest);
        case "exec" -> new ExecCommand().run(rest);
        case "trace" -> new TraceCommand().run(rest);
        case "notifications" -> new NotificationsCommand().run(rest);
        case "console" -> new ConsoleCommand().run(rest);
        case "forward" -> new ForwardCommand().run(rest);
        case "terraform" -> new TerraformCommand().run(rest);
        case "reset" -> new ResetCommand().run(rest);
        default -> throw new Args.UsageException("unknown command " + argv.getFirst());
      };
    } catch (Args.UsageException e) {
      System.err.println("privatelink: " + e.getMessage());
      System.err.print(USAGE);
      return 2;
    } catch (CommandException e) {
      System.err.println("privatelink: " + e.getMessage());
      return 1;
    }
  }
}
