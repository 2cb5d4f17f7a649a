package dev.privatelink.cli;

import dev.privatelink.dataplane.instances.InstanceRuntime;
import dev.privatelink.stacks.SeedOutputs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The post's own test, run once by {@code up} before it says Ready: from the consumer instance,
 * {@code curl} the endpoint's first URL and expect 200. AWS documents a short spell of 503 right
 * after an endpoint becomes available, so the check retries for a bounded time, then fails with
 * what curl last said.
 */
final class ConsumerCheck {
  private static final Duration LIMIT = Duration.ofSeconds(30);

  private ConsumerCheck() {}

  static void run(Path dataDir, SeedOutputs outputs, PrintStream log) {
    String url = outputs.consumerEndpointDnsNames().getFirst();
    List<String> curl = List.of("curl", "-sk", "-m", "5", "-o", "/dev/null", "-w", "%{http_code}", url);
    Instant start = Instant.now();
    String last = "";
    while (Duration.between(start, Instant.now()).compareTo(LIMIT) < 0) {
      last = once(dataDir, outputs.consumerInstanceId(), curl);
      if (last.equals("200")) {
        log.println("  ready: the consumer's curl of " + url + " answers 200 ("
            + Duration.between(start, Instant.now()).toMillis() + " ms)");
        return;
      }
      sleep();
    }
    throw new CommandException("the stack is not ready: from " + outputs.consumerInstanceId() + ", curl -sk " + url
        + " answered " + (last.isEmpty() ? "nothing" : last) + " for " + LIMIT.toSeconds() + " s");
  }

  private static String once(Path dataDir, String instanceId, List<String> curl) {
    try {
      Process p = InstanceRuntime.execFromOutside(dataDir, instanceId, curl, false).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor();
      return out;
    } catch (IOException | IllegalStateException e) {
      return e.getMessage() == null ? e.toString() : e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandException("interrupted");
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandException("interrupted");
    }
  }
}
