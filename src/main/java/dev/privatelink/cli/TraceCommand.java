package dev.privatelink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privatelink.stacks.StackClients;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NetworkInsightsAnalysis;

/**
 * {@code trace <instance id or Name tag> <host>:<port>}: asks the cloud's Reachability Analyzer
 * whether the instance can reach the address the host resolves to in its VPC (a network insights
 * path and analysis, through the EC2 API), prints the path hop by hop and what blocks it, then
 * asks the cloud to make the connection for real from inside the instance and prints what
 * happened, and, when a flow log covers the instance, the probe's flow-log records as CloudWatch
 * Logs holds them. The path and analysis are deleted afterwards.
 */
final class TraceCommand {
  int run(List<String> words) {
    Args args = Args.parse(words, Set.of()).allow(Set.of("data-dir", "region"));
    if (args.positional().size() != 2 || !args.positional().get(1).matches("[A-Za-z0-9.-]+:\\d{1,5}")) {
      throw new Args.UsageException("trace takes an instance id or Name tag and <host>:<port>");
    }
    Path dataDir = CloudOptions.dataDir(args);
    String[] hostPort = args.positional().get(1).split(":");
    try (LocalApi api = LocalApi.of(dataDir)) {
      JsonNode instances = api.view("/_privatelink/instances");
      String instanceId = ExecCommand.resolve(instances, args.positional().getFirst());
      String account = accountOf(instances, instanceId);
      String query = "?account=" + account + "&instance=" + instanceId + "&host=" + enc(hostPort[0]) + "&port=" + hostPort[1];
      String ip = json(api.post("/_privatelink/probe" + query + "&resolve-only=true")).path("resolvedIp").asText("");
      if (ip.isEmpty()) {
        System.out.println(hostPort[0] + " does not resolve in " + instanceId + "'s VPC");
        return 1;
      }
      Region region = Region.of(args.option("region").orElse("us-east-1"));
      try (StackClients aws = new StackClients(URI.create(api.endpoint()), account, region)) {
        boolean found = analyze(aws.ec2(), instanceId, ip, Integer.parseInt(hostPort[1]));
        FlowLogHint.Watch watch = FlowLogHint.find(aws.ec2(), instanceId);
        Instant probeStart = Instant.now();
        JsonNode probe = json(api.post("/_privatelink/probe" + query));
        System.out.println();
        System.out.println("probe from " + instanceId + ": " + TraceReport.probe(probe));
        ProbeFlowRecords.print(aws.logs(), watch, hostPort[1], probeStart);
        return found && probe.path("nginx").asBoolean(false) ? 0 : 1;
      }
    }
  }

  private static boolean analyze(Ec2Client ec2, String instanceId, String ip, int port) {
    String path = ec2.createNetworkInsightsPath(r -> r.source(instanceId).destinationIp(ip).protocol("tcp")
        .destinationPort(port)).networkInsightsPath().networkInsightsPathId();
    String analysis = ec2.startNetworkInsightsAnalysis(r -> r.networkInsightsPathId(path)).networkInsightsAnalysis()
        .networkInsightsAnalysisId();
    try {
      NetworkInsightsAnalysis done = await(ec2, analysis);
      System.out.println("path " + instanceId + " -> " + ip + ":" + port + " (" + path + ", " + analysis + ")");
      done.forwardPathComponents().forEach(c -> System.out.println(TraceReport.hop(c)));
      System.out.println();
      System.out.println(done.networkPathFound() ? "analysis: the path is reachable"
          : "analysis: blocked: " + TraceReport.explanation(done.explanations().getFirst()));
      return done.networkPathFound();
    } finally {
      ec2.deleteNetworkInsightsAnalysis(r -> r.networkInsightsAnalysisId(analysis));
      ec2.deleteNetworkInsightsPath(r -> r.networkInsightsPathId(path));
    }
  }

  private static NetworkInsightsAnalysis await(Ec2Client ec2, String analysis) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      NetworkInsightsAnalysis a = ec2.describeNetworkInsightsAnalyses(r -> r.networkInsightsAnalysisIds(analysis))
          .networkInsightsAnalyses().getFirst();
      if (!"running".equals(a.statusAsString())) {
        return a;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CommandException("interrupted");
      }
    }
    throw new CommandException("the analysis " + analysis + " did not finish within 60 seconds");
  }

  private static String accountOf(JsonNode instances, String instanceId) {
    for (JsonNode i : instances) {
      if (i.get("instanceId").asText().equals(instanceId)) {
        return i.get("accountId").asText();
      }
    }
    throw new CommandException("no instance " + instanceId);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonNode json(String body) {
    try {
      return new ObjectMapper().readTree(body);
    } catch (IOException e) {
      throw new CommandException("the cloud answered no JSON: " + body, e);
    }
  }
}
