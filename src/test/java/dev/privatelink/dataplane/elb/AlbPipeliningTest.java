package dev.privatelink.dataplane.elb;

import static dev.privatelink.dataplane.elb.TestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.dataplane.netns.Namespaces;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that pipelines far more than it lets the ALB answer meets backpressure: the ALB holds a
 * few requests, stops reading, and the client's writes stall in TCP; once the target answers, every
 * request is served in order.
 */
class AlbPipeliningTest {
  private static final String NODE = "127.0.1.1";
  private static final String TG = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/held/1";
  private static final String LB = "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/pipelined/1";
  private static final int REQUESTS = 1_500;
  /** ~60 KB a request, ~90 MB in all: more than the socket buffers on both sides can hold. */
  private static final String PAD = "x".repeat(60_000);

  @RegisterExtension final Resources res = new Resources();

  @Test
  void pipelinedRequestsPastTheBoundWaitInTcpNotInTheAlb() throws Exception {
    HeldBackend backend = res.add(new HeldBackend());
    LoadBalancerEngine engine = res.add(new LoadBalancerEngine(Namespaces.HOST, new RecordingSink(), HealthTiming.FAST, 2));
    int port = freePort();
    engine.apply("pl-vpc-1", List.of(alb(LB, 60, List.of(node(AZ_A, NODE)),
        List.of(httpListener(port, forward(TG), List.of())),
        List.of(group(TG, "HTTP", "instance", tcpCheck(), false, List.of(target("i-held", "127.0.2.1", backend.port(), AZ_A)))))));

    try (Socket client = new Socket(NODE, port)) {
      client.setSoTimeout(30_000);
      AtomicLong written = new AtomicLong();
      byte[] request = ("GET /r HTTP/1.1\r\nHost: alb.local\r\nX-Pad: " + PAD + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      Thread writer = Thread.ofPlatform().daemon().start(() -> {
        try {
          OutputStream out = client.getOutputStream();
          for (int i = 0; i < REQUESTS; i++) {
            out.write(request);
            written.addAndGet(request.length);
          }
          out.flush();
        } catch (IOException e) {
          // the connection failed: the test fails on the writer being gone and the counts
        }
      });
      assertTrue(backend.firstHeld.await(10, TimeUnit.SECONDS), "the first request reached the target");
      Thread.sleep(2_000);
      long total = (long) REQUESTS * request.length;
      assertTrue(writer.isAlive(), "the client is still writing, its connection open");
      assertTrue(written.get() < total / 2, "the ALB stopped reading: " + written.get() + " of " + total + " bytes went out");
      assertEquals(1, backend.served.get(), "requests are forwarded one at a time");

      backend.release.countDown();
      for (int i = 0; i < REQUESTS; i++) {
        RawHttp.Response r = RawHttp.read(client.getInputStream());
        assertEquals(200, r.status(), "response " + i);
      }
      writer.join(10_000);
      assertEquals(total, written.get(), "every request was taken once the ALB could answer");
      await(Duration.ofSeconds(5), "the target saw every request", () -> backend.served.get() == REQUESTS);
    }
  }

  /** A target that holds requests until released, answering health checks at once; keep-alive, HTTP/1.1. */
  private static final class HeldBackend implements AutoCloseable {
    final CountDownLatch firstHeld = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger served = new AtomicInteger();
    private final ServerSocket server;

    HeldBackend() throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getByName("127.0.2.1"));
      Thread.ofVirtual().start(() -> {
        while (!server.isClosed()) {
          try {
            Socket s = server.accept();
            Thread.ofVirtual().start(() -> serve(s));
          } catch (IOException e) {
            return;
          }
        }
      });
    }

    int port() {
      return server.getLocalPort();
    }

    private void serve(Socket s) {
      try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1))) {
        String line;
        while ((line = in.readLine()) != null) {
          boolean healthCheck = false;
          for (; line != null && !line.isEmpty(); line = in.readLine()) {
            healthCheck |= line.toLowerCase().startsWith("user-agent: elb-healthchecker");
          }
          if (!healthCheck) {
            served.incrementAndGet();
            firstHeld.countDown();
            release.await();
          }
          s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
        }
      } catch (IOException | InterruptedException e) {
        // the ALB closed the connection, or the test is over
      }
    }

    @Override
    public void close() throws IOException {
      release.countDown();
      server.close();
    }
  }
}
