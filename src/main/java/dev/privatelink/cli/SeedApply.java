package dev.privatelink.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privatelink.server.LoopbackHttp;
import dev.privatelink.stacks.Progress;
import dev.privatelink.stacks.SeedOutputs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Has the cloud apply the seed stack (the cloud makes it through the SDK's client interfaces served
 * in its own process): in this JVM for a cloud run in the foreground, else by {@code POST
 * /_privatelink/seed} to the cloud of the data dir, whose progress lines are printed as they come.
 */
final class SeedApply {
  private SeedApply() {}

  /** The seed's outputs; throws {@link CommandException} with the stack's own message when it fails. */
  static SeedOutputs apply(Path dataDir, String provider, String consumer, PrintStream log,
      @Nullable ForegroundCloud foreground) {
    try {
      return foreground != null
          ? foreground.cloud().applySeed(provider, consumer, new Progress(log))
          : remote(dataDir, provider, consumer, log);
    } catch (RuntimeException e) {
      if (foreground != null) {
        foreground.close();
      }
      if (e instanceof Failed f) {
        throw new CommandException("the seed stack failed: " + f.getMessage());
      }
      throw new CommandException("the seed stack failed: " + e.getMessage(), e);
    }
  }

  /** The stack's failure as the cloud reported it. */
  private static final class Failed extends RuntimeException {
    Failed(String message) {
      super(message);
    }
  }

  private static SeedOutputs remote(Path dataDir, String provider, String consumer, PrintStream log) {
    LocalApi api = LocalApi.of(dataDir);
    // Loading Jackson takes a cold JVM ~0.2 s: done while the cloud applies the stack, it is off the
    // path from the last line to Ready.
    Thread.ofPlatform().daemon().start(SeedApply::loadJson);
    Events events = new Events(log);
    try {
      LoopbackHttp.Answer answer = api.postStreaming("/_privatelink/seed?provider=" + provider + "&consumer=" + consumer,
          events::line);
      if (answer.status() != 200) {
        throw new Failed("the cloud refused: HTTP " + answer.status() + " " + answer.body());
      }
    } catch (IOException e) {
      throw new Failed("the cloud at " + api.endpoint() + " does not answer: " + e.getMessage());
    }
    return events.outputs();
  }

  private static void loadJson() {
    try {
      new ObjectMapper().readValue("{\"consumerEndpointDnsNames\":[]}", SeedOutputs.class);
    } catch (IOException | RuntimeException e) {
      // Only a head start: the outputs are read, and any failure reported, when they come.
    }
  }

  /** The server-sent events of the apply: progress lines, then a {@code result} or an {@code error}. */
  private static final class Events {
    private final PrintStream log;
    private final ObjectMapper json = new ObjectMapper();
    private String event = "message";
    private @Nullable String result;
    private @Nullable String error;

    Events(PrintStream log) {
      this.log = log;
    }

    void line(String line) {
      if (line.startsWith("event: ")) {
        event = line.substring(7);
      } else if (line.startsWith("data: ")) {
        String data = line.substring(6);
        switch (event) {
          case "result" -> result = data;
          case "error" -> error = data;
          default -> log.println(data);
        }
      } else if (line.isEmpty()) {
        event = "message";
      }
    }

    SeedOutputs outputs() {
      try {
        if (error != null) {
          throw new Failed(json.readTree(error).path("message").asText());
        }
        if (result == null) {
          throw new Failed("the cloud ended the apply without its outputs");
        }
        return json.readValue(result, SeedOutputs.class);
      } catch (IOException e) {
        throw new Failed("the cloud's answer could not be read: " + e.getMessage());
      }
    }
  }
}
