package dev.privatelink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privatelink.server.ServerInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code notifications [--json] [--follow]}: the endpoint connection notifications (Accept,
 * Connect, Delete, Reject) that AWS would publish to the SNS topic of a
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpointConnectionNotification.html">connection notification</a>,
 * as a table (time, event, endpoint, owner, state) or, with {@code --json}, the message bodies
 * one per line. {@code --follow} keeps printing new ones, and waits through a restart of the cloud.
 */
final class NotificationsCommand {
  private static final String ROW = "%-28s %-8s %-22s %-13s %s%n";
  private final ObjectMapper json = new ObjectMapper();

  int run(List<String> words) {
    Args args = Args.parse(words, Set.of("follow", "json")).allow(Set.of("data-dir"));
    Path dataDir = CloudOptions.dataDir(args);
    boolean follow = args.flag("follow");
    boolean raw = args.flag("json");
    Set<String> printed = new HashSet<>();
    boolean headed = false;
    try (HttpClient http = HttpClient.newHttpClient()) {
      do {
        Optional<JsonNode> messages = fetch(http, dataDir, follow);
        for (JsonNode m : messages.orElse(json.createArrayNode())) {
          String body = m.get("json").asText();
          if (!printed.add(body)) {
            continue;
          }
          if (!raw && !headed) {
            System.out.printf(ROW, "TIME", "EVENT", "ENDPOINT", "OWNER", "STATE");
            headed = true;
          }
          print(body, raw);
        }
        if (!follow && printed.isEmpty() && !raw) {
          System.out.println("no notifications yet (create one with aws ec2 create-vpc-endpoint-connection-notification)");
        }
        if (follow) {
          Thread.sleep(500);
        }
      } while (follow);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private void print(String body, boolean raw) {
    if (raw) {
      System.out.println(body);
      return;
    }
    try {
      JsonNode b = json.readTree(body);
      System.out.printf(ROW, b.path("eventTime").asText(), b.path("eventType").asText(), b.path("endpointId").asText(),
          b.path("endpointOwner").asText(), b.path("endpointState").asText());
    } catch (IOException e) {
      System.out.println(body);
    }
  }

  /** The cloud's messages; while following, a cloud that is down or restarting answers none yet. */
  private Optional<JsonNode> fetch(HttpClient http, Path dataDir, boolean follow) throws InterruptedException {
    Optional<ServerInfo> server = ServerInfo.read(dataDir);
    if (server.isEmpty()) {
      if (follow) {
        return Optional.empty();
      }
      throw new CommandException("no cloud is running on " + dataDir + "; start one with ./privatelink up --detach");
    }
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.get().endpoint()
          + "/_privatelink/notifications")).build(), HttpResponse.BodyHandlers.ofString());
      return Optional.of(json.readTree(r.body()));
    } catch (IOException e) {
      if (follow) {
        return Optional.empty();
      }
      throw new CommandException("the cloud at " + server.get().endpoint() + " does not answer: " + e.getMessage(), e);
    }
  }
}
