package dev.privatelink.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import dev.privatelink.dataplane.instances.InstanceRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /_privatelink/probe?instance=…&host=…&port=…[&resolve-only=true]}: a real attempt from inside a running
 * instance, as its own processes would make it: the host is resolved by the instance's VPC
 * resolver, then {@code curl} connects to the first address over HTTPS (the certificate is not
 * checked, as the seed's {@code curl -k} does not). The answer says what was resolved, whether
 * the connection was made, the HTTP status and whether nginx's page came back. An instance of
 * another account than the caller's is unknown.
 */
final class InstanceProbe {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Cloud cloud;
  private final Path dataDir;

  InstanceProbe(Cloud cloud, Path dataDir) {
    this.cloud = cloud;
    this.dataDir = dataDir;
  }

  String probe(@Nullable String accountId, Map<String, String> query) {
    String instance = required(query, "instance");
    String host = required(query, "host");
    String port = required(query, "port");
    if (!host.matches("[A-Za-z0-9.-]+") || !port.matches("\\d{1,5}")) {
      throw AwsException.invalidParameterValue("host must be a DNS name or address and port a number");
    }
    boolean known = cloud.read(HostProjection::instanceDirectory).stream()
        .anyMatch(i -> instance.equals(i.get("instanceId")) && (accountId == null || accountId.equals(i.get("accountId"))));
    if (!known) {
      throw AwsException.badRequest("InvalidInstanceID.NotFound", "The instance ID '" + instance + "' does not exist");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    String resolved = run(instance, List.of("sh", "-c", "getent ahostsv4 " + host + " | awk '{print $1; exit}'"), 10).output().strip();
    if ("true".equals(query.get("resolve-only"))) {
      out.put("resolvedIp", resolved.isEmpty() ? unpublishedEndpointAddress(instance, host) : resolved);
      return json(out);
    }
    out.put("resolvedIp", resolved);
    if (resolved.isEmpty()) {
      out.put("connected", false);
      out.put("detail", host + " does not resolve in the instance's VPC");
      return json(out);
    }
    Result curl = run(instance, List.of("curl", "-sk", "-m", "8", "--resolve", host + ":" + port + ":" + resolved,
        "-w", "\n%{http_code}", "https://" + host + ":" + port + "/"), 15);
    String body = curl.output();
    String status = body.contains("\n") ? body.substring(body.lastIndexOf('\n') + 1).strip() : body.strip();
    out.put("curlExitCode", curl.exitCode());
    out.put("connected", curl.exitCode() != 7 && curl.exitCode() != 28 && curl.exitCode() != 6 && !status.equals("000"));
    out.put("httpStatus", status);
    out.put("nginx", body.contains("Welcome to nginx!"));
    return json(out);
  }

  /**
   * The address an endpoint name of the instance's VPC would resolve to once the endpoint carries
   * traffic (a pending or rejected endpoint's names are not published yet), so that the analysis
   * of such a name can say why: its zonal ENI, or its first ENI for the regional name.
   */
  private String unpublishedEndpointAddress(String instance, String host) {
    return cloud.read(f -> {
      String vpc = f.ec2().instances().stream().filter(e -> e.getValue().instanceId().equals(instance))
          .map(e -> e.getValue().launch().vpcId()).findFirst().orElse("");
      for (var e : f.privateLink().endpoints()) {
        if (!e.consumerVpcId().equals(vpc) || e.enis().isEmpty()) {
          continue;
        }
        if (e.regionalDnsName().equals(host)) {
          return e.enis().getFirst().privateIp();
        }
        for (var z : e.zonalDnsNames()) {
          if (z.dnsName().equals(host)) {
            return e.enis().stream().filter(i -> i.availabilityZone().equals(z.availabilityZone()))
                .map(i -> i.privateIp()).findFirst().orElse("");
          }
        }
      }
      return "";
    });
  }

  private record Result(int exitCode, String output) {}

  private Result run(String instance, List<String> command, int seconds) {
    try {
      Process p = InstanceRuntime.execFromOutside(dataDir, instance, command, false).redirectErrorStream(false).start();
      p.getOutputStream().close();
      byte[] bytes = p.getInputStream().readAllBytes();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(28, "");
      }
      return new Result(p.exitValue(), new String(bytes, StandardCharsets.UTF_8));
    } catch (IllegalStateException e) {
      throw AwsException.badRequest("IncorrectInstanceState", "The instance '" + instance + "' is not running on this host");
    } catch (IOException e) {
      throw AwsException.badRequest("IncorrectInstanceState", "The instance '" + instance + "' cannot be entered");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AwsException.badRequest("RequestCanceled", "interrupted");
    }
  }

  private static String required(Map<String, String> query, String name) {
    String v = query.get(name);
    if (v == null || v.isBlank()) {
      throw AwsException.missingParameter("The request must contain the parameter " + name);
    }
    return v;
  }

  private static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
