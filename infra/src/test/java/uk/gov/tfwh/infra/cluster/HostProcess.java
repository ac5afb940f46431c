package uk.gov.tfwh.infra.cluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A long-running process started inside a host's namespace, with its own folders and log. */
public final class HostProcess {
  private final String name;
  private final Host host;
  private final ProcessFolder folder;
  private final Process process;

  HostProcess(String name, Host host, ProcessFolder folder, Process process) {
    this.name = requireNonNull(name);
    this.host = requireNonNull(host);
    this.folder = requireNonNull(folder);
    this.process = requireNonNull(process);
  }

  public String name() {
    return name;
  }

  public Host host() {
    return host;
  }

  public ProcessFolder folder() {
    return folder;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String log() {
    try {
      return Files.exists(folder.log())
          ? Files.readString(folder.log(), StandardCharsets.UTF_8)
          : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the log contains a line, failing early (with the log) if the process exits. */
  public void awaitLog(String text, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (log().contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            describe()
                + " exited with "
                + process.exitValue()
                + " before '"
                + text
                + "':\n"
                + log());
      }
      pause(200);
    }
    throw new IllegalStateException(
        describe() + " did not log '" + text + "' within " + timeout + ":\n" + tail());
  }

  /** Waits for the process to end by itself (a client or a driver) and returns its exit code. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            describe() + " still runs after " + timeout + ":\n" + tail());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Asks the process to stop (SIGTERM), and kills it when it has not stopped within the grace. */
  public void stop(Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String describe() {
    return name + " on " + host.name() + " (" + host.address() + ")";
  }

  private String tail() {
    String log = log();
    return log.length() > 6000 ? "..." + log.substring(log.length() - 6000) : log;
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
