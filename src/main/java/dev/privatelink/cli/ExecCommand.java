package dev.privatelink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privatelink.dataplane.instances.InstanceRuntime;
import dev.privatelink.server.ServerInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * {@code exec <instance id or Name tag> [-- command…]}: runs a command (or a shell) inside a
 * running instance, with its addresses, security groups and resolver: our stand-in for SSH.
 */
final class ExecCommand {
  int run(List<String> words) {
    Args args = Args.parse(words, Set.of()).allow(Set.of("data-dir"));
    if (args.positional().size() > 1) {
      throw new CommandException("put the command after --: privatelink exec " + args.positional().getFirst() + " -- "
          + String.join(" ", args.positional().subList(1, args.positional().size())));
    }
    if (args.positional().size() != 1) {
      throw new Args.UsageException("exec takes one instance id or Name tag");
    }
    Path dataDir = CloudOptions.dataDir(args);
    ServerInfo server = ServerInfo.read(dataDir).orElseThrow(() -> new CommandException(
        "no cloud is running on " + dataDir + "; start one with ./privatelink up --detach"));
    String instanceId = resolve(server.endpoint(), args.positional().getFirst());
    List<String> command = args.rest().isEmpty() ? List.of("/bin/sh", "-c", "command -v bash >/dev/null && exec bash -l || exec sh -l")
        : args.rest();
    try {
      Process p = InstanceRuntime.execFromOutside(dataDir, instanceId, command, true).start();
      return p.waitFor();
    } catch (IllegalStateException e) {
      throw new CommandException(e.getMessage());
    } catch (IOException e) {
      throw new CommandException("could not enter " + instanceId + " (exec needs root): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  /** The id of the running instance named {@code target} (an id, or the value of its Name tag). */
  static String resolve(String endpoint, String target) {
    List<String> matches = new ArrayList<>();
    for (JsonNode i : fetch(endpoint)) {
      InstanceStateName state = InstanceStateName.fromValue(i.get("state").asText());
      boolean live = state == InstanceStateName.RUNNING || state == InstanceStateName.PENDING;
      if (live && (i.get("instanceId").asText().equals(target) || i.get("name").asText().equals(target))) {
        matches.add(i.get("instanceId").asText());
      }
    }
    if (matches.isEmpty()) {
      throw new CommandException("no running instance has the id or Name tag '" + target + "'");
    }
    if (matches.size() > 1) {
      throw new CommandException("several running instances are named '" + target + "': " + matches + "; use an id");
    }
    return matches.getFirst();
  }

  private static JsonNode fetch(String endpoint) {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/_privatelink/instances")).build(),
          HttpResponse.BodyHandlers.ofString());
      return new ObjectMapper().readTree(r.body());
    } catch (IOException e) {
      throw new CommandException("the cloud at " + endpoint + " does not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandException("interrupted");
    }
  }
}
