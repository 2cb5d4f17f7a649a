package dev.privatelink.control.ec2.flowlog;

import dev.privatelink.control.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A flow log's LogFormat: {@code ${field}} references separated by spaces. The default is
 * version 2's fourteen fields in AWS's order.
 */
record FlowLogFormat(List<FlowLogField> fields) {
  static final String DEFAULT = "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} "
      + "${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}";
  private static final Pattern FIELD = Pattern.compile("\\$\\{([^}]*)\\}");

  FlowLogFormat {
    fields = List.copyOf(fields);
  }

  /** Reads a LogFormat, or answers AWS's error naming the fields it does not know. */
  static FlowLogFormat parse(String text) {
    List<FlowLogField> fields = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String token : text.strip().split("\\s+")) {
      Matcher m = FIELD.matcher(token);
      if (!m.matches()) {
        throw AwsException.badRequest("InvalidParameter", "LogFormat " + text
            + " is invalid: each field must be written ${field-name} and separated by a space.");
      }
      FlowLogField.named(m.group(1)).ifPresentOrElse(fields::add, () -> unknown.add(token));
    }
    if (!unknown.isEmpty()) {
      throw AwsException.badRequest("InvalidParameter", "Unknown fields provided for LogFormat: " + String.join(", ", unknown));
    }
    return new FlowLogFormat(fields);
  }

  /** The record's {@code version} value: the highest version among the fields. */
  int version() {
    return fields.stream().mapToInt(FlowLogField::version).max().orElse(2);
  }
}
