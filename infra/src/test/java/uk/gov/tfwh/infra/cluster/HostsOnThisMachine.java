package uk.gov.tfwh.infra.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether this machine can make the multi-host tests' hosts: network namespaces need root and
 * iproute2. The cluster tests run in the default build, so on a machine that cannot (a developer's
 * laptop without root) they are skipped with the reason, not failed; on the project's machines and
 * in CI they run.
 */
final class HostsOnThisMachine {
  private static final Pattern UID = Pattern.compile("(?m)^Uid:\\s+(\\d+)");
  private static volatile Optional<String> whyNot;

  private HostsOnThisMachine() {}

  /** Skips the calling test, saying why, when no private network can be made here. */
  static void assumeAvailable() {
    Optional<String> reason = whyNot();
    assumeTrue(
        reason.isEmpty(),
        () -> "the multi-host tests need network namespaces: " + reason.orElseThrow());
  }

  /** Why no private network can be made here, or empty; worked out once per test JVM. */
  static synchronized Optional<String> whyNot() {
    if (whyNot == null) {
      whyNot = probe();
    }
    return whyNot;
  }

  private static Optional<String> probe() {
    String status;
    try {
      status = Files.readString(Path.of("/proc/self/status"));
    } catch (IOException | UncheckedIOException e) {
      return Optional.of("no /proc/self/status (" + e.getMessage() + "): not Linux?");
    }
    Matcher uid = UID.matcher(status);
    String user = uid.find() ? uid.group(1) : "unknown";
    if (!user.equals("0")) {
      return Optional.of("they need root, and this test runs as uid " + user);
    }
    // The real thing, once: a network of one host, made and removed as the tests make theirs.
    try {
      Path folder =
          Files.createTempDirectory(
              Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"))),
              "tfwh-hosts-probe");
      try (PrivateNetwork network = PrivateNetwork.create(folder, "probe")) {
        return Optional.empty();
      } finally {
        try (var files = Files.walk(folder)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.of("a private network could not be made here (" + e.getMessage() + ")");
    }
  }
}
