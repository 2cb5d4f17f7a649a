package dev.privatelink.stacks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Runs the steps of a stack along its dependency graph: each step on its own (virtual) thread from
 * the moment it is started, waiting only for the steps it {@linkplain #get needs}, and printing into
 * its own part of the progress, so that the output reads as a sequential apply's when the steps are
 * started in that order. Closing waits for every step and throws the first failure.
 */
final class Steps implements AutoCloseable {
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Progress.Parts parts;
  private final List<CompletableFuture<?>> started = new ArrayList<>();

  Steps(Progress progress) {
    this.parts = progress.parts();
  }

  /** Starts {@code step} with the next part of the progress, finishing the part when the step ends (either way). */
  <T> CompletableFuture<T> start(Function<Progress, T> step) {
    Progress.Part part = parts.next();
    CompletableFuture<T> f = CompletableFuture.supplyAsync(() -> {
      try {
        return step.apply(part.progress());
      } finally {
        part.finish();
      }
    }, threads);
    started.add(f);
    return f;
  }

  /**
   * The value of a step, waiting for it; a failed step's own exception, so that the caller sees what
   * went wrong rather than a wrapper.
   */
  static <T> T get(CompletableFuture<T> step) {
    try {
      return step.get();
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while applying the stack", e);
    }
  }

  private static RuntimeException unwrap(Throwable t) {
    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(cause.getMessage(), cause);
  }

  @Override
  public void close() {
    threads.close();
    for (CompletableFuture<?> f : started) {
      get(f);
    }
  }
}
