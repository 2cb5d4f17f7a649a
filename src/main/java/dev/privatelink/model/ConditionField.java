package dev.privatelink.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The fields an ALB listener rule condition can test that this cloud evaluates, by AWS's names.
 *
 * @see <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RuleCondition.html">RuleCondition</a>
 */
public enum ConditionField {
  HOST_HEADER("host-header"),
  PATH_PATTERN("path-pattern"),
  HTTP_REQUEST_METHOD("http-request-method"),
  HTTP_HEADER("http-header");

  private final String awsName;

  ConditionField(String awsName) {
    this.awsName = awsName;
  }

  public String awsName() {
    return awsName;
  }

  /** The field AWS calls {@code name}, if it is one of ours. */
  public static Optional<ConditionField> of(String name) {
    return Arrays.stream(values()).filter(f -> f.awsName.equals(name)).findFirst();
  }

  /** Every field's AWS name, in AWS's order, for validation messages. */
  public static List<String> awsNames() {
    return Arrays.stream(values()).map(ConditionField::awsName).toList();
  }
}
