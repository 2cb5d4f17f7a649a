package dev.privatelink.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
    long printed = 0;
    try (LocalApi api = LocalApi.of(dataDir)) {
      do {
        for (JsonNode message : api.view("/_privatelink/notifications")) {
          if (message.get("sequence").asLong() > printed) {
            System.out.println(message);
            printed = message.get("sequence").asLong();
          }
        }
        if (args.flag("follow")) {
          Thread.sleep(500);
        }
      } while (args.flag("follow"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
