package dev.privatelink.server;

import dev.privatelink.util.process.ProcessIdentity;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What a running server leaves in its data dir ({@code server.json}): its pid, start time and
 * endpoint, so that {@code down}, {@code status} and {@code exec} from another shell can find it.
 * The start time tells the server from an unrelated process that got its pid after a crash.
 */
public record ServerInfo(long pid, long startMillis, String endpoint) {
  /** This process, serving at {@code endpoint}. */
  public static ServerInfo current(String endpoint) {
    ProcessIdentity self = ProcessIdentity.current();
    return new ServerInfo(self.pid(), self.startMillis(), endpoint);
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public static Path file(Path dataDir) {
    return dataDir.resolve("server.json");
  }

  public void write(Path dataDir) throws IOException {
    Path tmp = dataDir.resolve("server.json.tmp");
    MAPPER.writeValue(tmp.toFile(), this);
    Files.move(tmp, file(dataDir), java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** The server recorded in {@code dataDir}, if that very process still runs. */
  public static Optional<ServerInfo> read(Path dataDir) {
    try {
      ServerInfo info = MAPPER.readValue(file(dataDir).toFile(), ServerInfo.class);
      return info.process().map(p -> info);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The server's process, if it still runs: a process with the same pid but another start is not it. */
  public Optional<ProcessHandle> process() {
    return new ProcessIdentity(pid, startMillis).live();
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
