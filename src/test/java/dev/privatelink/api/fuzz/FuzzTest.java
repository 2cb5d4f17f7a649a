package dev.privatelink.api.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.Cloud;
import dev.privatelink.stacks.Progress;
import dev.privatelink.stacks.SeedStack;
import dev.privatelink.testing.LocalCloudExtension;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every action we serve (EC2, ELBv2, ACM, STS), generated from botocore's models, sent signed over
 * HTTP with one wrong thing each ({@link Mutations}), against a cloud holding the seed stack.
 * Asserts: no 5xx but AWS's InternalError, no Java exception text in any answer or in the
 * server's log, and no trace in the state of any rejected request (the cloud's version per
 * request, every Describe of the account per operation). The seed is fixed: a failure reproduces.
 */
class FuzzTest {
  /** Fixed so a failure reproduces; {@code -Dfuzz.seed=N} explores others. */
  static final long SEED = Long.getLong("fuzz.seed", 20261201L);
  static final int PER_OPERATION = 30;
  static final String ACCOUNT = "111111111111";
  static final Pattern JAVA_TEXT = Pattern.compile("Exception|java\\.|javax\\.|dev\\.privatelink|\\tat |NullPointer"
      + "|IllegalState|IllegalArgument|NumberFormat|ClassCast|IndexOutOfBounds");
  static final Pattern IDS = Pattern.compile("\\b(?:vpc|subnet|sg|i|eni|vpce|vpce-svc|igw|rtb|rtbassoc|ami|key|sgr|dopt)"
      + "-[0-9a-f]{8,17}\\b|arn:aws:[a-z0-9-]+:[a-z0-9-]*:\\d{12}:[A-Za-z0-9/_.:-]+|com\\.amazonaws\\.vpce\\.[a-z0-9-]+\\.vpce-svc-[0-9a-f]{17}");

  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();

  record Service(ServiceModel model, String version) {}

  final List<String> failures = new ArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();
  int sent;
  final Map<String, Integer> answers = new java.util.TreeMap<>();

  @Test
  void everyServedActionRejectsMalformedRequestsCleanly() throws Exception {
    ServerLog log = ServerLog.capture();
    try {
      new SeedStack(CLOUD.endpoint(), ACCOUNT, ACCOUNT, new Progress(new PrintStream(OutputStream.nullOutputStream())), false).apply();
      settle();
      Path data = ServiceModel.botocoreData();
      List<Service> services = List.of(
          new Service(ServiceModel.load(data, "ec2", "2016-11-15", "software.amazon.awssdk.services.ec2.model"), "2016-11-15"),
          new Service(ServiceModel.load(data, "elbv2", "2015-12-01", "software.amazon.awssdk.services.elasticloadbalancingv2.model"), "2015-12-01"),
          new Service(ServiceModel.load(data, "sts", "2011-06-15", "software.amazon.awssdk.services.sts.model"), "2011-06-15"),
          new Service(ServiceModel.load(data, "acm", "2015-12-08", "software.amazon.awssdk.services.acm.model"), "2015-12-08"));
      StateFingerprint fingerprint = new StateFingerprint(cloud(), ACCOUNT, services.stream().map(Service::model).toList());
      List<String> ids = knownIds(fingerprint.take());
      SplittableRandom random = new SplittableRandom(SEED);
      int operations = 0;
      for (Service s : services) {
        for (String op : s.model().inputs().keySet()) {
          if (s.model().requestClass(op).filter(cloud()::supports).isEmpty()) {
            continue;
          }
          operations++;
          fuzz(s, op, random.split(), ids, fingerprint);
        }
      }
      log.records().forEach(r -> failures.add("server log: " + r));
      System.out.println("fuzz: " + sent + " requests over " + operations + " operations, " + fingerprint.size()
          + " reads in the fingerprint, seed " + SEED);
      System.out.println("fuzz answers: " + answers);
      failures.forEach(f -> System.out.println("fuzz failure: " + f));
      assertEquals(List.of(), failures.stream().limit(40).toList(), failures.size() + " failures");
      assertTrue(sent >= 3000, "sent " + sent);
    } finally {
      log.close();
    }
  }

  private void fuzz(Service s, String op, SplittableRandom random, List<String> ids, StateFingerprint fingerprint) {
    Map<String, String> before = fingerprint.take();
    boolean changed = false;
    Values values = new Values(s.model(), random, ids);
    Mutations mutations = new Mutations(random);
    Wire wire = new Wire(s.model());
    String input = s.model().inputs().get(op);
    for (int i = 0; i < PER_OPERATION; i++) {
      Map<String, Object> params = input.isEmpty() ? new LinkedHashMap<>()
          : values.structure(s.model().shape(input), 0);
      Mutations.Kind kind = mutations.mutate(params);
      long version = cloud().version();
      HttpResponse<String> r = send(s, op, wire, params, random);
      String what = s.model().name() + " " + op + " #" + i + " " + kind;
      check(s, what, r);
      if (r.statusCode() == 200 && !(op.startsWith("Describe") || op.startsWith("List") || op.startsWith("Get"))) {
        changed = true;
        settle();
      } else if (cloud().version() != version) {
        failures.add(what + ": rejected (" + r.statusCode() + ") but the state version moved");
      }
    }
    if (!changed) {
      Map<String, String> after = fingerprint.take();
      for (var e : before.entrySet()) {
        if (!e.getValue().equals(after.get(e.getKey()))) {
          failures.add(s.model().name() + " " + op + ": every request was rejected but " + e.getKey() + " changed");
        }
      }
    }
  }

  private HttpResponse<String> send(Service s, String op, Wire wire, Map<String, Object> params, SplittableRandom random) {
    sent++;
    String service = s.model().name().equals("elbv2") ? "elasticloadbalancing" : s.model().name();
    HttpRequest.Builder b = HttpRequest.newBuilder(CLOUD.endpoint().resolve("/"))
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCOUNT + "/20261201/us-east-1/" + service
            + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000")
        .header("X-Amz-Date", "20261201T000000Z");
    String body;
    if (s.model().protocol().equals("json")) {
      b.header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", "CertificateManager." + op);
      body = random.nextInt(6) == 0 ? malformedJson(random) : Wire.json(params);
    } else {
      b.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
      body = wire.form(op, s.version(), params) + (random.nextInt(8) == 0 ? malformedForm(random) : "");
    }
    try {
      return http.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String malformedForm(SplittableRandom random) {
    List<String> tails = List.of("&%ZZ=1", "&=", "&Action=", "&" + "A".repeat(5000) + "=1", "&Version=1999-01-01",
        "&Action=NoSuchAction", "&Filter.1.Name=vpc-id&Filter.1.Value.999999999999=x", "&\u00ff\u00fe=%C0%80",
        "&MaxResults=-5", "&NextToken=%00%00", "&DryRun=maybe", "&Filter.1.Name=&Filter.1.Value.1=");
    return tails.get(random.nextInt(tails.size()));
  }

  private static String malformedJson(SplittableRandom random) {
    List<String> bodies = List.of("", "{", "[]", "\"text\"", "42", "null", "{\"a\":", "{\"CertificateArn\":{\"x\":[1,2]}}",
        "[".repeat(5000), "{\"CertificateArn\":\"\\ud800\"}", "{\"Tags\":[null,null]}", "{\"MaxItems\":1e400}",
        "{\"CertificateArn\":" + "1".repeat(400) + "}", "\u0000\u0001", "{\"a\":1,\"a\":2}");
    return bodies.get(random.nextInt(bodies.size()));
  }

  private void check(Service s, String what, HttpResponse<String> r) {
    int status = r.statusCode();
    String body = r.body();
    Matcher code = Pattern.compile("<Code>([^<]+)</Code>|\"__type\":\"([^\"]+)\"").matcher(body);
    answers.merge(status + " " + (code.find() ? (code.group(1) != null ? code.group(1) : code.group(2)) : ""), 1, Integer::sum);
    if (status >= 500 && !body.contains("InternalError")) {
      failures.add(what + ": HTTP " + status + " " + abbreviate(body));
    }
    if (status >= 500) {
      failures.add(what + ": InternalError (an unexpected failure): " + abbreviate(body));
    }
    // A JSON error's type is AWS's code (SerializationException, ValidationException …), not Java's.
    String scrubbed = body.replaceAll("\"__type\":\"[A-Za-z.#]+\"", "");
    for (String error : s.model().errorNames()) {
      scrubbed = scrubbed.replace(error, "");
    }
    Matcher m = JAVA_TEXT.matcher(scrubbed.replace("fuzz-", ""));
    if (m.find()) {
      failures.add(what + ": Java text '" + m.group() + "' in " + abbreviate(body));
    }
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  private static List<String> knownIds(Map<String, String> reads) {
    TreeSet<String> ids = new TreeSet<>();
    reads.values().forEach(text -> {
      Matcher m = IDS.matcher(text);
      while (m.find()) {
        ids.add(m.group().replaceAll("[,)}\\]]+$", ""));
      }
    });
    return List.copyOf(ids);
  }

  private static Cloud cloud() {
    return CLOUD.cloud().cloud();
  }

  /** Waits until resources settled after a change (the settler runs right after each). */
  private static void settle() {
    long last = -1;
    int stable = 0;
    while (stable < 2) {
      long now = cloud().version();
      stable = now == last ? stable + 1 : 0;
      last = now;
      try {
        Thread.sleep(15);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
