package uk.gov.tfwh.warehouse.iceberg.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests, on a free loopback port, started once per test JVM ({@link
 * #shared()}) and stopped when the JVM exits. It runs Debian's {@code postgresql} package from
 * {@code /usr/lib/postgresql/<version>/bin} (or the folder the system property {@code
 * tfwh.postgres.bin} names); {@code .ci/run} installs the package where it is missing.
 *
 * <p>The server lives in a temporary folder (data, socket and log) that is deleted when it stops.
 * Its superuser is {@value #USER}, with a random password that TCP connections must give.
 * PostgreSQL refuses to run as root, so under root the server runs as the {@code postgres}
 * operating-system user (through {@code runuser}), in a folder under {@code /tmp} that user owns
 * ({@link PostgresInstall}, shared with infra's {@code ClusterPostgres}). A watchdog process stops
 * the server and deletes the folder if the JVM dies without stopping it.
 */
public final class LocalPostgres {

  /** The superuser the tests connect as. */
  public static final String USER = "tfwh";

  private static final int START_ATTEMPTS = 3;
  private static LocalPostgres shared;

  private final Path bin;
  private final boolean asPostgresUser;
  private final Path folder;
  private final Path data;
  private final String password;
  private final AtomicInteger databases = new AtomicInteger();
  private int port;

  private LocalPostgres(Path bin, boolean asPostgresUser, Path folder, String password) {
    this.bin = bin;
    this.asPostgresUser = asPostgresUser;
    this.folder = folder;
    this.data = folder.resolve("data");
    this.password = password;
  }

  /** The server of this test JVM, started on first use. */
  public static synchronized LocalPostgres shared() {
    if (shared == null) {
      LocalPostgres server = start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop local PostgreSQL"));
      shared = server;
    }
    return shared;
  }

  public int port() {
    return port;
  }

  public String user() {
    return USER;
  }

  /** The superuser's password (the tests pass it through an environment they build). */
  public String password() {
    return password;
  }

  /** The JDBC URL of a database on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Creates an empty database of its own for one test and returns its name. */
  public String createDatabase(String prefix) {
    String name =
        prefix.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_" + databases.incrementAndGet();
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the database " + name, e);
    }
    return name;
  }

  /** A connection to a database on this server as the superuser, over TCP with the password. */
  public Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty("password", password);
    return DriverManager.getConnection(jdbcUrl(database), properties);
  }

  private static LocalPostgres start() {
    Path bin = PostgresInstall.binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    try {
      // The postgres user must reach the folder, so under root it is made under /tmp.
      Path folder =
          root
              ? Files.createTempDirectory(Path.of("/tmp"), "tfwh-postgres")
              : Files.createTempDirectory("tfwh-postgres");
      LocalPostgres server = new LocalPostgres(bin, root, folder, PostgresInstall.newPassword());
      server.initialise();
      server.watchdog();
      server.startOnFreePort();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a local PostgreSQL", e);
    }
  }

  private void initialise() throws IOException {
    Path passwordFile = folder.resolve("password");
    Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
    if (asPostgresUser) {
      PostgresInstall.giveToPostgresUser(folder);
      PostgresInstall.giveToPostgresUser(passwordFile);
    }
    run(PostgresInstall.initdb(bin, data, USER, passwordFile), 60);
    Files.delete(passwordFile);
  }

  /** Stops the server and deletes its folder once the JVM is gone, however it went. */
  private void watchdog() throws IOException {
    long jvm = ProcessHandle.current().pid();
    String script =
        "while [ -d /proc/"
            + jvm
            + " ]; do sleep 1; done; '"
            + bin.resolve("pg_ctl")
            + "' --pgdata='"
            + data
            + "' --mode=immediate stop >/dev/null 2>&1; rm -rf '"
            + folder
            + "'";
    new ProcessBuilder(command(List.of("/bin/sh", "-c", script)))
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private void startOnFreePort() throws IOException {
    IllegalStateException failure = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      port = freePort();
      try {
        run(
            List.of(
                bin.resolve("pg_ctl").toString(),
                "--pgdata=" + data,
                "--log=" + folder.resolve("server.log"),
                "--wait",
                "--timeout=60",
                "--options=-p "
                    + port
                    + " -k "
                    + folder
                    + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                    + " -c full_page_writes=off",
                "start"),
            90);
        return;
      } catch (IllegalStateException e) {
        // another process may have taken the port between probing and binding it
        failure = e;
      }
    }
    throw failure;
  }

  /** Stops the server (fast shutdown) and deletes its folder. */
  private synchronized void stop() {
    try {
      run(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "--pgdata=" + data,
              "--mode=fast",
              "--wait",
              "stop"),
          60);
    } catch (RuntimeException e) {
      System.err.println("local PostgreSQL did not stop cleanly: " + e.getMessage());
    }
    PostgresInstall.deleteTree(folder);
  }

  private void run(List<String> program, int timeoutSeconds) {
    List<String> command = command(program);
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", command));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command)
                + " exited with "
                + process.exitValue()
                + ":\n"
                + output
                + serverLog());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
    }
  }

  private List<String> command(List<String> program) {
    return asPostgresUser ? PostgresInstall.asPostgresUser(program) : program;
  }

  private String serverLog() {
    Path log = folder.resolve("server.log");
    try {
      return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
