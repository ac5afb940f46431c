package uk.gov.tfwh.infra.cluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import uk.gov.tfwh.warehouse.iceberg.testing.PostgresInstall;

/**
 * The catalog database on a host of its own: Debian's PostgreSQL (found, initialised and run as the
 * {@code postgres} user as {@code warehouse/iceberg}'s {@code LocalPostgres} does, through its
 * test-jar's {@link PostgresInstall}), listening on the host's address at 5432, with {@code
 * pg_hba.conf} letting the private subnet in with a password. PostgreSQL refuses to run as root, so
 * it runs as the {@code postgres} user in a folder under {@code /tmp} that user owns (the host's
 * own folder may be where that user cannot reach); its log is the process log in the host's folder.
 */
public final class ClusterPostgres implements AutoCloseable {
  public static final int PORT = 5432;

  /** The superuser the catalog is reached as. */
  public static final String USER = "tfwh";

  private static final String OS_USER = PostgresInstall.OS_USER;
  private static final Duration COMMAND = Duration.ofSeconds(90);

  private final Host host;
  private final Path bin;
  private final Path folder;
  private final String password;
  private final HostProcess process;

  private ClusterPostgres(Host host, Path bin, Path folder, String password, HostProcess process) {
    this.host = requireNonNull(host);
    this.bin = requireNonNull(bin);
    this.folder = requireNonNull(folder);
    this.password = requireNonNull(password);
    this.process = requireNonNull(process);
  }

  /** Initialises a database cluster and starts the server on the host, open to the subnet. */
  public static ClusterPostgres start(Host host, String subnet) {
    Path bin = PostgresInstall.binaries();
    String password = PostgresInstall.newPassword();
    Path folder;
    try {
      folder = Files.createTempDirectory(Path.of("/tmp"), "tfwh-cluster-postgres");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HostProcess process = null;
    try {
      Path data = folder.resolve("data");
      Path passwordFile = folder.resolve("password");
      Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
      PostgresInstall.giveToPostgresUser(folder);
      PostgresInstall.giveToPostgresUser(passwordFile);
      host.check(
          COMMAND,
          PostgresInstall.asPostgresUser(PostgresInstall.initdb(bin, data, USER, passwordFile))
              .toArray(String[]::new));
      Files.delete(passwordFile);
      // The other hosts reach it over the private subnet, with the password.
      Files.writeString(
          data.resolve("pg_hba.conf"),
          "host all all " + subnet + " scram-sha-256\n",
          java.nio.file.StandardOpenOption.APPEND);
      process =
          host.start(
              "postgres",
              Map.of(),
              own ->
                  List.of(
                      "runuser",
                      "-u",
                      OS_USER,
                      "--",
                      bin.resolve("postgres").toString(),
                      "-D",
                      data.toString(),
                      "-p",
                      String.valueOf(PORT),
                      "-k",
                      folder.toString(),
                      "-c",
                      "listen_addresses=" + host.address(),
                      "-c",
                      "fsync=off",
                      "-c",
                      "synchronous_commit=off",
                      "-c",
                      "full_page_writes=off"));
      ClusterPostgres server = new ClusterPostgres(host, bin, folder, password, process);
      server.awaitReady();
      return server;
    } catch (IOException | RuntimeException e) {
      // Nothing of a failed start may stay behind in /tmp (the network kills the process anyway).
      if (process != null) {
        process.stop(Duration.ofSeconds(10));
      }
      PostgresInstall.deleteTree(folder);
      throw e instanceof IOException io
          ? new UncheckedIOException("cannot prepare PostgreSQL on " + host, io)
          : (RuntimeException) e;
    }
  }

  public Host host() {
    return host;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return password;
  }

  /** The JDBC URL another host uses: {@code jdbc:postgresql://<address>:5432/<database>}. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host.address() + ":" + PORT + "/" + database;
  }

  /** Creates an empty database (through the server's socket, as the superuser). */
  public void createDatabase(String name) {
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("bad database name " + name);
    }
    host.check(
        COMMAND,
        "runuser",
        "-u",
        OS_USER,
        "--",
        bin.resolve("psql").toString(),
        "-h",
        folder.toString(),
        "-p",
        String.valueOf(PORT),
        "-U",
        USER,
        "-d",
        "postgres",
        "-v",
        "ON_ERROR_STOP=1",
        "-c",
        "CREATE DATABASE " + name);
  }

  /** Stops the server (fast shutdown) and deletes its folder. */
  @Override
  public void close() {
    if (process.isAlive()) {
      host.run(
          COMMAND,
          "runuser",
          "-u",
          OS_USER,
          "--",
          bin.resolve("pg_ctl").toString(),
          "--pgdata=" + folder.resolve("data"),
          "--mode=fast",
          "--wait",
          "stop");
      process.stop(Duration.ofSeconds(10));
    }
    PostgresInstall.deleteTree(folder);
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + COMMAND.toNanos();
    while (System.nanoTime() < deadline) {
      SystemCommand.Output ready =
          host.run(
              Duration.ofSeconds(10),
              bin.resolve("pg_isready").toString(),
              "-h",
              host.address(),
              "-p",
              String.valueOf(PORT),
              "-t",
              "2");
      if (ready.succeeded()) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("PostgreSQL exited:\n" + process.log());
      }
      HostProcess.pause(200);
    }
    throw new IllegalStateException("PostgreSQL is not ready on " + host + ":\n" + process.log());
  }
}
