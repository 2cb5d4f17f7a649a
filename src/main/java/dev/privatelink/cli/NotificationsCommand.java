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
import java.util.List;
import java.util.Set;

/**
 * {@code notifications [--follow]}: prints the endpoint connection notifications (Accept, Connect,
 * Delete, Reject) that AWS would publish to the SNS topic of a connection notification, one JSON
 * line each; {@code --follow} keeps printing new ones.
 */
final class NotificationsCommand {
  int run(List<String> words) {
    Args args = Args.parse(words, Set.of("follow")).allow(Set.of("data-dir"));
    Path dataDir = CloudOptions.dataDir(args);
    ServerInfo server = ServerInfo.read(dataDir).orElseThrow(() -> new CommandException(
        "no cloud is running on " + dataDir));
    long printed = 0;
    ObjectMapper json = new ObjectMapper();
    try (HttpClient http = HttpClient.newHttpClient()) {
      do {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/_privatelink/notifications"))
            .build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode message : json.readTree(r.body())) {
          if (message.get("sequence").asLong() > printed) {
            System.out.println(message);
            printed = message.get("sequence").asLong();
          }
        }
        if (args.flag("follow")) {
          Thread.sleep(500);
        }
      } while (args.flag("follow"));
    } catch (IOException e) {
      throw new CommandException("the cloud does not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
