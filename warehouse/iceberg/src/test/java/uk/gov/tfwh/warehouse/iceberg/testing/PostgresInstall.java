package uk.gov.tfwh.warehouse.iceberg.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Debian's PostgreSQL as the tests run it, for {@link LocalPostgres} (a server on loopback for one
 * test JVM) and infra's {@code ClusterPostgres} (a server on a host of a private network): where
 * the programs are, how a database cluster is initialised, and running them as the {@code postgres}
 * user, since PostgreSQL refuses to run as root.
 */
public final class PostgresInstall {

  /** The operating-system user the server runs as under root. */
  public static final String OS_USER = "postgres";

  private PostgresInstall() {}

  /**
   * The newest installed PostgreSQL's programs, {@code /usr/lib/postgresql/<version>/bin}, or the
   * folder the system property {@code tfwh.postgres.bin} names.
   */
  public static Path binaries() {
    String configured = System.getProperty("tfwh.postgres.bin");
    if (configured != null) {
      return Path.of(configured);
    }
    Path versions = Path.of("/usr/lib/postgresql");
    try (Stream<Path> installed =
        Files.isDirectory(versions) ? Files.list(versions) : Stream.of()) {
      return installed
          .map(version -> version.resolve("bin"))
          .filter(candidate -> Files.isExecutable(candidate.resolve("initdb")))
          .max(Comparator.comparing(PostgresInstall::majorVersion))
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): install"
                          + " Debian's postgresql package, as .ci/run does, or set"
                          + " -Dtfwh.postgres.bin"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for PostgreSQL under " + versions, e);
    }
  }

  /** A random password for a test server's superuser. */
  public static String newPassword() {
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    return HexFormat.of().formatHex(secret);
  }

  /**
   * The {@code initdb} command of a cluster in {@code data} whose superuser is {@code user} with
   * the password in {@code passwordFile}: trusted over the server's socket, the password over TCP.
   */
  public static List<String> initdb(Path bin, Path data, String user, Path passwordFile) {
    return List.of(
        bin.resolve("initdb").toString(),
        "--pgdata=" + data,
        "--username=" + user,
        "--pwfile=" + passwordFile,
        "--auth-local=trust",
        "--auth-host=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C",
        "--no-sync",
        "--no-instructions");
  }

  /** A program run as the {@link #OS_USER} (through {@code runuser}, which needs root). */
  public static List<String> asPostgresUser(List<String> program) {
    List<String> command = new ArrayList<>(List.of("runuser", "-u", OS_USER, "--"));
    command.addAll(program);
    return command;
  }

  /** Gives a file or folder to the {@link #OS_USER} and its group. */
  public static void giveToPostgresUser(Path path) throws IOException {
    UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
    Files.setOwner(path, users.lookupPrincipalByName(OS_USER));
    Files.getFileAttributeView(path, PosixFileAttributeView.class)
        .setGroup(users.lookupPrincipalByGroupName(OS_USER));
  }

  /** Deletes a server's folder; says so on standard error when it cannot. */
  public static void deleteTree(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      System.err.println("cannot delete " + folder + ": " + e.getMessage());
    }
  }

  private static int majorVersion(Path bin) {
    String name = bin.getParent().getFileName().toString();
    return name.matches("[0-9]+") ? Integer.parseInt(name) : 0;
  }
}
