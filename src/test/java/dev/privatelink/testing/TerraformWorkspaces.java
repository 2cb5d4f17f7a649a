package dev.privatelink.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that owns a test class's {@link TerraformWorkspace}s: after the class it closes
 * each, newest first, so {@code terraform destroy} runs for every apply that got anywhere, even when
 * a test failed half way. Register it after the cloud's extension (with {@code @Order}), so the
 * cloud is still up when it runs.
 */
public final class TerraformWorkspaces implements AfterAllCallback {
  private final List<TerraformWorkspace> open = new ArrayList<>();

  /** A copy of {@code source} to run terraform in, with the installation {@link TerraformRequired} found. */
  public TerraformWorkspace copyOf(Path source) throws IOException {
    TerraformWorkspace w = TerraformWorkspace.copyOf(source, TerraformInstallation.find().orElseThrow(
        () -> new IllegalStateException("no terraform installation: " + TerraformInstallation.whatIsMissing())));
    open.add(w);
    return w;
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
    List<Throwable> failures = new ArrayList<>();
    for (TerraformWorkspace w : open.reversed()) {
      try {
        w.close();
      } catch (IOException | RuntimeException e) {
        failures.add(e);
      }
    }
    open.clear();
    if (!failures.isEmpty()) {
      throw new IOException("closing Terraform workspaces failed: " + failures);
    }
  }
}
