package dev.privatelink.control;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that an {@link ActionHandler} method only reads: the {@link Cloud} runs it under the
 * read lock, concurrently with other reads, and neither journals it nor makes a new state version.
 * Every action without it is a mutation. AWS's Describe, List and Get actions carry it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadOnly {}
