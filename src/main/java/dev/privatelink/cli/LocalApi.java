package dev.privatelink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privatelink.server.LocalToken;
import dev.privatelink.server.ServerInfo;
import java.io.IOException;
import dev.privatelink.server.LoopbackHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The running cloud of a data dir as the CLI reaches it: its endpoint, and the local token (read
 * from the data dir, so only root can use it) sent with each request to the views and to reset.
 */
final class LocalApi implements AutoCloseable {
  /** The header the API's local access check reads (the CLI speaks HTTP to it, never its classes). */
  static final String TOKEN_HEADER = "x-privatelink-token";
  private final String endpoint;
  private final String token;
  /** None: a reset of a big cloud answers only once the host is clean. */
  private static final Duration TIMEOUT = Duration.ZERO;

  private LocalApi(String endpoint, String token) {
    this.endpoint = endpoint;
    this.token = token;
  }

  /** The cloud running on {@code dataDir}; refuses, saying how to start one, when none runs. */
  static LocalApi of(Path dataDir) {
    ServerInfo server = ServerInfo.read(dataDir).orElseThrow(() -> new CommandException(
        "no cloud is running on " + dataDir + "; start one with ./privatelink up --detach"));
    try {
      return new LocalApi(server.endpoint(), LocalToken.read(dataDir));
    } catch (IOException e) {
      throw new CommandException("cannot read the cloud's token " + LocalToken.file(dataDir)
          + " (it is readable by root only): " + e.getMessage(), e);
    }
  }

  String endpoint() {
    return endpoint;
  }

  /** The address of a page for a browser, with the token in its query (a browser cannot send the header). */
  String browserUrl(String path) {
    return endpoint + path + "?token=" + token;
  }

  /** GETs a JSON view, e.g. {@code /_privatelink/instances}. */
  JsonNode view(String path) {
    return call("GET", path);
  }

  /** POSTs with the token, e.g. {@code /moto-api/reset}; returns the answer's body. */
  String post(String pathAndQuery) {
    return send("POST", pathAndQuery);
  }

  /** POSTs with the token to a streaming local action, handing each line of its events to {@code lines}. */
  LoopbackHttp.Answer postStreaming(String pathAndQuery, java.util.function.Consumer<String> lines) throws IOException {
    return LoopbackHttp.postStreaming(endpoint + pathAndQuery, Map.of(TOKEN_HEADER, token), lines);
  }

  /** Sends {@code method} with the token to a local action, e.g. {@code DELETE /_privatelink/forwards?localPort=N}. */
  JsonNode call(String method, String pathAndQuery) {
    String body = send(method, pathAndQuery);
    try {
      return new ObjectMapper().readTree(body);
    } catch (IOException e) {
      throw new CommandException("the cloud at " + endpoint + " answered no JSON for " + pathAndQuery, e);
    }
  }

  private String send(String method, String pathAndQuery) {
    try {
      LoopbackHttp.Answer r = LoopbackHttp.send(method, endpoint + pathAndQuery, Map.of(TOKEN_HEADER, token), TIMEOUT);
      if (r.status() != 200) {
        errorMessage(r.body()).ifPresent(m -> {
          throw new CommandException(m);
        });
        throw new CommandException("the cloud at " + endpoint + " refused: HTTP " + r.status() + " " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new CommandException("the cloud at " + endpoint + " does not answer: " + e.getMessage(), e);
    }
  }

  /** The message of a local action's JSON error ({@code {"__type", "message"}}), which is written for the user. */
  private static java.util.Optional<String> errorMessage(String body) {
    try {
      JsonNode error = new ObjectMapper().readTree(body);
      return error != null && error.has("__type") && error.has("message")
          ? java.util.Optional.of(error.get("message").asText()) : java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  /** Nothing to release: each request has its own connection. */
  @Override
  public void close() {}
}
