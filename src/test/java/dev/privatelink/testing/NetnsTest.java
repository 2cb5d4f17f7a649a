package dev.privatelink.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs root and network namespaces: tagged {@code netns}, skipped with a
 * reason on a workstation without them, failed when {@code CI=true} (CI must never silently skip),
 * and checked after the class for leftover namespaces carrying this run's id tag.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("netns")
@ExtendWith(NetnsRequired.class)
public @interface NetnsTest {}
