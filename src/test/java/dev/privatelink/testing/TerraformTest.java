package dev.privatelink.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs Terraform: tagged {@code terraform}, skipped with a reason where
 * terraform or a mirror holding the AWS provider is missing, failed when {@code CI=true} (CI must
 * never silently skip). Workspaces come from {@link TerraformWorkspaces}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("terraform")
@ExtendWith(TerraformRequired.class)
public @interface TerraformTest {}
