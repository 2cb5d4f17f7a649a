package dev.privatelink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privatelink.dataplane.instances.InstanceRuntime;
import java.io.IOException;
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
    String instanceId;
    try (LocalApi api = LocalApi.of(dataDir)) {
      instanceId = resolve(api.view("/_privatelink/instances"), args.positional().getFirst());
    }
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

  /** The id of the running instance named {@code target} (an id, or the value of its Name tag) among {@code instances}. */
  static String resolve(JsonNode instances, String target) {
    List<String> matches = new ArrayList<>();
    for (JsonNode i : instances) {
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

}
