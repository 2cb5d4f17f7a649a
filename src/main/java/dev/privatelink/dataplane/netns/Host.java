package dev.privatelink.dataplane.netns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Runs host tools ({@code ip}, {@code nft}, …) as child processes. Batches go through one process
 * ({@code ip -batch -}, {@code nft -f -}) because forking is the dominant cost of a reconcile.
 * Every failure throws {@link HostCommandException} with the tool's stderr.
 */
public final class Host {
  private Host() {}

  /** Runs a command and returns its stdout; throws when it exits non-zero. */
  public static String run(String... command) {
    return run(List.of(command), null);
  }

  /** Runs a command feeding {@code stdin} (may be null) and returns its stdout. */
  public static String run(List<String> command, @Nullable String stdin) {
    Result r = tryRun(command, stdin);
    if (r.exitCode() != 0) {
      throw new HostCommandException(command, r.exitCode(), r.stderr());
    }
    return r.stdout();
  }

  /** Runs a command and reports its outcome without throwing on a non-zero exit. */
  public static Result tryRun(List<String> command, @Nullable String stdin) {
    try {
      Process p = new ProcessBuilder(command).start();
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
      try (var in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      String out = drain(p.getInputStream());
      int code = p.waitFor();
      return new Result(code, out, err.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.getFirst(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    }
  }

  /** Runs {@code ip} commands (one per line, without the leading {@code ip}) in one process. */
  public static void ipBatch(List<String> lines) {
    if (!lines.isEmpty()) {
      run(List.of("ip", "-batch", "-"), String.join("\n", lines) + "\n");
    }
  }

  /** Same as {@link #ipBatch} but inside the namespace {@code netns}. */
  public static void ipBatch(String netns, List<String> lines) {
    if (!lines.isEmpty()) {
      run(List.of("ip", "-n", netns, "-batch", "-"), String.join("\n", lines) + "\n");
    }
  }

  /** Loads an nftables script atomically (one transaction), in {@code netns} or the host when null. */
  public static void nft(String netns, String script) {
    List<String> cmd = new ArrayList<>();
    if (netns != null) {
      cmd.addAll(List.of("ip", "netns", "exec", netns));
    }
    cmd.addAll(List.of("nft", "-f", "-"));
    run(cmd, script);
  }

  private static String drain(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** What a finished command printed and returned. */
  public record Result(int exitCode, String stdout, String stderr) {}
}
