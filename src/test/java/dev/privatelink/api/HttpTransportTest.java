package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.Cloud;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API's HTTP/1.1 framing over a raw socket: pipelining, chunked bodies, HEAD, 100-continue, bad input. */
class HttpTransportTest {
  private static Cloud cloud;
  private static ApiServer server;

  @BeforeAll
  static void start() throws IOException {
    cloud = new Cloud();
    server = new ApiServer(cloud, "127.0.0.1", 0, Optional.empty()).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws IOException {
    String chunked = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\n\r\n" + chunk("Actio") + chunk("n=DescribeVpcs&Version=2016-11-")
        + chunk("15") + "0\r\n\r\n";
    String answer = exchange("GET /_privatelink/health HTTP/1.1\r\nHost: x\r\n\r\n" + chunked
        + "HEAD /_privatelink/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    Matcher status = Pattern.compile("HTTP/1.1 (\\d{3})").matcher(answer);
    StringBuilder seen = new StringBuilder();
    while (status.find()) {
      seen.append(status.group(1)).append(' ');
    }
    // The chunked EC2 call is whole but unsigned: EC2's refusal, in EC2's shape, second.
    assertTrue(seen.toString().matches("200 4\\d\\d 200 "), answer);
    assertTrue(answer.indexOf("\"status\":\"running\"") < answer.indexOf("<Response><Errors>"), answer);
    assertTrue(answer.trim().endsWith("connection: close"), "HEAD has headers and no body: " + answer);
  }

  @Test
  void aBodyOverTheLimitAnnouncedWithExpectContinueIsRefusedBeforeItIsSent() throws IOException {
    String answer = exchange("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: "
        + (ApiServer.MAX_BODY + 1) + "\r\n\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertTrue(answer.contains("<Code>RequestEntityTooLarge</Code>"), answer);
  }

  @Test
  void malformedHttpGetsA400AndTheConnectionCloses() throws IOException {
    long before = cloud.version();
    String answer = exchange("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: many\r\n\r\nAction=CreateVpc");
    assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    assertTrue(answer.contains("connection: close"), answer);
    assertEquals(before, cloud.version());
  }

  @Test
  void aRequestCutOffByTheClientIsNeverServed() throws IOException, InterruptedException {
    long before = cloud.version();
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\nAction=CreateVpc&CidrBlock=10.0.0.0/16")
          .getBytes(StandardCharsets.US_ASCII));
    }
    // A served request would have changed the state by the time a later one on another connection is answered.
    assertTrue(exchange("GET /_privatelink/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 200"));
    assertEquals(before, cloud.version());
  }

  private static String chunk(String data) {
    return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
  }

  /** Writes {@code request} and reads until the server closes or is quiet for a second. */
  private static String exchange(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(1000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) > 0; ) {
          out.write(buf, 0, n);
        }
      } catch (SocketTimeoutException quiet) {
        // Everything the server had to say is said.
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
