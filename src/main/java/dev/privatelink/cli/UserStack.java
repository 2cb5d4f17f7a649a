package dev.privatelink.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code up --stack DIR}: the user's own Terraform directory, applied to the cloud in place of the
 * seed through {@code privatelink terraform} (its provider override and mirror), then its outputs
 * printed. Ready means: {@code terraform apply} succeeded, so the AWS provider saw every resource
 * reach the state it waits for on AWS (instances running, load balancers active, endpoints
 * available), and the host carries the state the apply left (the reconcile loop caught up with it).
 * A second {@code up} applies again, which changes nothing when nothing changed.
 */
final class UserStack {
  private static final Duration HOST_LIMIT = Duration.ofMinutes(2);

  private UserStack() {}

  /** The stack's directory, refused with what to give when it is not a Terraform directory. */
  static Path directory(String given) {
    Path dir = Path.of(given).toAbsolutePath();
    try (var files = Files.list(dir)) {
      if (files.noneMatch(f -> f.toString().endsWith(".tf"))) {
        throw new CommandException(dir + " holds no .tf file: --stack takes a Terraform directory");
      }
    } catch (IOException e) {
      throw new CommandException("no directory " + dir + ": --stack takes a Terraform directory");
    }
    return dir;
  }

  /** Applies the stack and waits for the host; {@code json} keeps terraform's progress off stdout. */
  static void apply(String endpoint, Path dir, PrintStream log, boolean json) {
    log.println("Applying the stack in " + dir + " with terraform:");
    terraform(endpoint, dir, json, "init", "-input=false");
    terraform(endpoint, dir, json, "apply", "-auto-approve", "-input=false");
    awaitHost(endpoint, log);
  }

  /** {@code terraform output} (with {@code -json} for --json), on stdout. */
  static void printOutputs(String endpoint, Path dir, boolean json) {
    if (!json) {
      System.out.println();
    }
    System.out.flush();
    terraform(endpoint, dir, false, json ? List.of("output", "-json") : List.of("output"));
  }

  private static void terraform(String endpoint, Path dir, boolean toStderr, String... words) {
    terraform(endpoint, dir, toStderr, List.of(words));
  }

  private static void terraform(String endpoint, Path dir, boolean toStderr, List<String> words) {
    List<String> argv = new ArrayList<>(List.of("--endpoint", endpoint, "-chdir=" + dir));
    argv.addAll(words);
    System.out.flush();
    int exit = new TerraformCommand().run(argv, toStderr);
    if (exit != 0) {
      throw new CommandException("terraform " + words.getFirst() + " failed in " + dir + " (exit " + exit
          + "); fix the stack and run up again");
    }
  }

  /** Waits until the host reflects the state version the apply left (bounded, with the reason on timeout). */
  private static void awaitHost(String endpoint, PrintStream log) {
    Instant start = Instant.now();
    long wanted = health(endpoint).path("version").asLong();
    while (health(endpoint).path("hostVersion").asLong() < wanted) {
      if (Duration.between(start, Instant.now()).compareTo(HOST_LIMIT) > 0) {
        throw new CommandException("the host did not catch up with the stack's state (version " + wanted + ") within "
            + HOST_LIMIT.toSeconds() + " s; see the server's log");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CommandException("interrupted");
      }
    }
    log.println("  ready: the host carries the stack (state version " + wanted + ", "
        + Duration.between(start, Instant.now()).toMillis() + " ms)");
  }

  private static com.fasterxml.jackson.databind.JsonNode health(String endpoint) {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/_privatelink/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    } catch (IOException e) {
      throw new CommandException("the cloud at " + endpoint + " does not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandException("interrupted");
    }
  }
}
