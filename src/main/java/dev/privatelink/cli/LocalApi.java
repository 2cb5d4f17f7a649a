package dev.privatelink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privatelink.server.LocalToken;
import dev.privatelink.server.ServerInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * The running cloud of a data dir as the CLI reaches it: its endpoint, and the local token (read
 * from the data dir, so only root can use it) sent with each request to the views and to reset.
 */
final class LocalApi implements AutoCloseable {
  /** The header the API's local access check reads (the CLI speaks HTTP to it, never its classes). */
  static final String TOKEN_HEADER = "x-privatelink-token";
  private final String endpoint;
  private final String token;
  private final HttpClient http = HttpClient.newHttpClient();

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
    return send(HttpRequest.newBuilder(URI.create(endpoint + pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** Sends {@code method} with the token to a local action, e.g. {@code DELETE /_privatelink/forwards?localPort=N}. */
  JsonNode call(String method, String pathAndQuery) {
    String body = send(HttpRequest.newBuilder(URI.create(endpoint + pathAndQuery)).method(method, HttpRequest.BodyPublishers.noBody()));
    try {
      return new ObjectMapper().readTree(body);
    } catch (IOException e) {
      throw new CommandException("the cloud at " + endpoint + " answered no JSON for " + pathAndQuery, e);
    }
  }

  private String send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.header(TOKEN_HEADER, token).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        errorMessage(r.body()).ifPresent(m -> {
          throw new CommandException(m);
        });
        throw new CommandException("the cloud at " + endpoint + " refused: HTTP " + r.statusCode() + " " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new CommandException("the cloud at " + endpoint + " does not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandException("interrupted");
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

  @Override
  public void close() {
    http.close();
  }
}
