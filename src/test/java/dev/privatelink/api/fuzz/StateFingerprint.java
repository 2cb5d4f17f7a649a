package dev.privatelink.api.fuzz;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Everything one account can read: the answer of every read-only action the cloud serves, called
 * with no parameters, in-process. Two equal fingerprints mean no rejected request left a trace.
 * Actions whose answer changes with nothing done (a clock in it) are left out.
 */
final class StateFingerprint {
  private final Cloud cloud;
  private final String account;
  private final List<SdkRequest> reads = new ArrayList<>();

  StateFingerprint(Cloud cloud, String account, List<ServiceModel> models) {
    this.cloud = cloud;
    this.account = account;
    for (ServiceModel model : models) {
      for (String op : model.inputs().keySet()) {
        if (!(op.startsWith("Describe") || op.startsWith("List") || op.startsWith("Get"))) {
          continue;
        }
        model.requestClass(op).filter(cloud::supports).ifPresent(c -> reads.add(empty(c)));
      }
    }
    Map<String, String> first = take();
    Map<String, String> second = take();
    reads.removeIf(r -> !first.get(r.getClass().getName()).equals(second.get(r.getClass().getName())));
  }

  private static SdkRequest empty(Class<?> type) {
    try {
      Object builder = type.getMethod("builder").invoke(null);
      return (SdkRequest) ((software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) builder).build();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  Map<String, String> take() {
    Map<String, String> out = new LinkedHashMap<>();
    for (SdkRequest r : reads) {
      String answer;
      try {
        answer = cloud.call(account, "us-east-1", "arn:aws:iam::" + account + ":root", r).toString();
      } catch (AwsException e) {
        answer = e.code();
      }
      out.put(r.getClass().getName(), answer);
    }
    return out;
  }

  int size() {
    return reads.size();
  }
}
