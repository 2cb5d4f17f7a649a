package dev.privatelink.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension behind {@link TerraformTest}: before the class, terraform and a provider mirror
 * must be found ({@link TerraformInstallation#find()}); otherwise the class fails under
 * {@code CI=true} and is skipped elsewhere.
 */
public final class TerraformRequired implements BeforeAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    if (TerraformInstallation.find().isPresent()) {
      return;
    }
    String why = "needs terraform (on PATH or PRIVATELINK_TERRAFORM) and a provider mirror with hashicorp/aws: "
        + TerraformInstallation.whatIsMissing();
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true but " + why);
    }
    Assumptions.abort(why);
  }
}
