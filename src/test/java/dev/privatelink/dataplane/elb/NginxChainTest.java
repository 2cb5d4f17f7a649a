package dev.privatelink.dataplane.elb;

import static dev.privatelink.dataplane.elb.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.privatelink.dataplane.netns.Namespaces;
import dev.privatelink.dataplane.spec.TargetGroupSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec.HealthCheckSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The seed stack's chain on loopback: NLB (target type alb) → ALB (HTTPS, 2016-08) → a real nginx. */
class NginxChainTest {
  static final String NLB = "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/net/service-nlb/1";
  static final String ALB = "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/service/2";
  static final String NLB_TG = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/service-nlb/3";
  static final String ALB_TG = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/service/4";

  @RegisterExtension final Resources res = new Resources();
  @TempDir Path dir;

  @Test
  void clientReachesNginxThroughNlbAndAlb() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nginx")), "nginx is installed");
    int nginxPort = freePort();
    Files.createDirectories(dir.resolve("logs"));
    Files.writeString(dir.resolve("nginx.conf"), """
        daemon off;
        worker_processes 1;
        pid %1$s/nginx.pid;
        error_log %1$s/logs/error.log;
        events { worker_connections 256; }
        http {
          access_log off;
          client_body_temp_path %1$s; proxy_temp_path %1$s; fastcgi_temp_path %1$s; uwsgi_temp_path %1$s; scgi_temp_path %1$s;
          server {
            listen 127.0.2.50:%2$d;
            location / { return 200 "hello from nginx\\n"; }
          }
        }
        """.formatted(dir, nginxPort));
    Process nginx = new ProcessBuilder("/usr/sbin/nginx", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("logs/out.log").toFile()).start();
    res.add(() -> {
      nginx.destroy();
      nginx.waitFor(5, TimeUnit.SECONDS);
    });
    RecordingSink sink = new RecordingSink();
    LoadBalancerEngine engine = res.add(new LoadBalancerEngine(Namespaces.HOST, sink, HealthTiming.FAST, 2));
    int albPort = freePort();
    int nlbPort = freePort();
    TargetGroupSpec albTg = group(ALB_TG, "HTTP", "instance", httpCheck("HTTP", "/", "200"), false,
        List.of(target("i-0abc", "127.0.2.50", nginxPort, AZ_A)));
    engine.apply("pl-vpc-prov", List.of(alb(ALB, 60, List.of(node(AZ_A, "127.0.1.11"), node(AZ_B, "127.0.1.12")),
        List.of(httpsListener(albPort, List.of(certificate("internal-service.elb.local", List.of(), true)),
            "ELBSecurityPolicy-2016-08", forward(ALB_TG))), List.of(albTg))));
    HealthCheckSpec https = new HealthCheckSpec(true, "HTTPS", albPort, "/", 30, 10, 5, 2, "200");
    TargetGroupSpec nlbTg = group(NLB_TG, "TCP", "alb", https, false, List.of(
        target(ALB, "127.0.1.11", albPort, AZ_A), target(ALB, "127.0.1.12", albPort, AZ_B)));
    engine.apply("pl-vpc-prov", List.of(
        alb(ALB, 60, List.of(node(AZ_A, "127.0.1.11"), node(AZ_B, "127.0.1.12")),
            List.of(httpsListener(albPort, List.of(certificate("internal-service.elb.local", List.of(), true)),
                "ELBSecurityPolicy-2016-08", forward(ALB_TG))), List.of(albTg)),
        nlb(NLB, false, List.of(node(AZ_A, "127.0.1.1"), node(AZ_B, "127.0.1.2")), List.of(tcpListener(nlbPort, NLB_TG, 350)),
            List.of(nlbTg))));
    await(Duration.ofSeconds(10), "ALB target healthy (nginx up)", () -> sink.of(ALB_TG, "i-0abc", nginxPort).startsWith("healthy"));
    await(Duration.ofSeconds(10), "NLB sees the ALB healthy", () -> sink.of(NLB_TG, ALB, albPort).startsWith("healthy"));
    for (String nodeIp : List.of("127.0.1.1", "127.0.1.2")) {
      try (SSLSocket s = Tls.connect(nodeIp, nlbPort, null)) {
        assertTrue(Tls.subject(s).contains("CN=internal-service.elb.local"));
        RawHttp.Response r = RawHttp.get(s, "service.local", "/");
        assertEquals(200, r.status());
        assertEquals("hello from nginx\n", r.body());
      }
    }
  }
}
