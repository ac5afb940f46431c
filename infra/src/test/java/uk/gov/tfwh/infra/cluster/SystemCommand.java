package uk.gov.tfwh.infra.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A program run to completion (ip, curl, pg_ctl), its output kept for the error message. */
final class SystemCommand {
  private SystemCommand() {}

  /** What a finished command printed (stdout and stderr together) and its exit code. */
  record Output(int exitCode, String text) {
    boolean succeeded() {
      return exitCode == 0;
    }
  }

  static Output run(List<String> command, Duration timeout) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      // Read before waiting: a chatty command would otherwise block on a full pipe.
      byte[] bytes = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out after " + timeout + ": " + command);
      }
      return new Output(process.exitValue(), new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command, e);
    }
  }

  /** Runs a command that must succeed, and returns its output. */
  static String check(List<String> command, Duration timeout) {
    Output output = run(command, timeout);
    if (!output.succeeded()) {
      throw new IllegalStateException(
          String.join(" ", command) + " exited with " + output.exitCode() + ":\n" + output.text());
    }
    return output.text();
  }
}
