package dev.privatelink.server;

import dev.privatelink.util.process.ProcessIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a running server leaves in its data dir ({@code server.json}): its pid, start and endpoint,
 * so that {@code down}, {@code status} and {@code exec} from another shell can find it. The start
 * tells the server from an unrelated process that got its pid after a crash; it is counted in
 * clock ticks since boot ({@code startTicks}, see {@link ProcessIdentity}), and a record from an
 * older version, with {@code startMillis} instead, is still read.
 * The record is flat JSON members, written and read here by hand: every short CLI JVM reads
 * it, and Jackson's object mapper took longer to load than the rest of such a command.
 */
public record ServerInfo(ProcessIdentity identity, String endpoint) {
  private static final Pattern NUMBER = Pattern.compile("\"(pid|startTicks|startMillis)\"\\s*:\\s*(-?\\d+)");
  // An endpoint is a URL: nothing in it needs a JSON escape, so none is read or written.
  private static final Pattern ENDPOINT = Pattern.compile("\"endpoint\"\\s*:\\s*\"([^\"\\\\]*)\"");

  /** This process, serving at {@code endpoint}. */
  public static ServerInfo current(String endpoint) {
    return new ServerInfo(ProcessIdentity.current(), endpoint);
  }

  public static Path file(Path dataDir) {
    return dataDir.resolve("server.json");
  }

  public long pid() {
    return identity.pid();
  }

  public void write(Path dataDir) throws IOException {
    if (endpoint.indexOf('"') >= 0 || endpoint.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("not an endpoint URL: " + endpoint);
    }
    String start = identity.unit() == ProcessIdentity.StartUnit.BOOT_TICKS ? "startTicks" : "startMillis";
    Path tmp = dataDir.resolve("server.json.tmp");
    Files.writeString(tmp, "{\"pid\":" + pid() + ",\"" + start + "\":" + identity.start() + ",\"endpoint\":\"" + endpoint + "\"}");
    Files.move(tmp, file(dataDir), java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** The server recorded in {@code dataDir}, if that very process still runs. */
  public static Optional<ServerInfo> read(Path dataDir) {
    String text;
    try {
      text = Files.readString(file(dataDir));
    } catch (IOException e) {
      return Optional.empty();
    }
    return parse(text).flatMap(info -> info.process().map(p -> info));
  }

  /** The record in {@code text}; empty unless it holds a pid, a start and an endpoint. */
  static Optional<ServerInfo> parse(String text) {
    java.util.Map<String, Long> numbers = new java.util.HashMap<>();
    for (Matcher m = NUMBER.matcher(text); m.find(); ) {
      numbers.put(m.group(1), Long.parseLong(m.group(2)));
    }
    Matcher endpoint = ENDPOINT.matcher(text);
    Long pid = numbers.get("pid");
    if (pid == null || !endpoint.find()) {
      return Optional.empty();
    }
    if (numbers.containsKey("startTicks")) {
      return Optional.of(new ServerInfo(new ProcessIdentity(pid, numbers.get("startTicks"), ProcessIdentity.StartUnit.BOOT_TICKS), endpoint.group(1)));
    }
    if (numbers.containsKey("startMillis")) {
      return Optional.of(new ServerInfo(new ProcessIdentity(pid, numbers.get("startMillis"), ProcessIdentity.StartUnit.EPOCH_MILLIS), endpoint.group(1)));
    }
    return Optional.empty();
  }

  /** The server's process, if it still runs: a process with the same pid but another start is not it. */
  public Optional<ProcessHandle> process() {
    return identity.live();
  }

  /** True if the endpoint answers its health check. */
  public static boolean healthy(String endpoint) {
    try {
      return LoopbackHttp.send("GET", endpoint + "/_privatelink/health", java.util.Map.of(), Duration.ofSeconds(2)).status() == 200;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
