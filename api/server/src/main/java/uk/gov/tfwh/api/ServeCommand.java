package uk.gov.tfwh.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.StoreChoice;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig.Engine;

/**
 * {@code ./tfwh serve}: the API (and, from api/web's classpath, the built-in dashboard) over a
 * warehouse folder, on loopback unless told otherwise. Runs until stopped (Ctrl-C).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the API under /api/v1 (and the dashboard) over a warehouse's snapshots.")
public final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--warehouse",
      required = true,
      description = "The warehouse folder written by ./tfwh load.")
  Path warehouse;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description =
          "The Iceberg store's catalog settings (a properties file; also TFWH_CATALOG). Without"
              + " either: the embedded catalog in the warehouse folder. TFWH_STORE=folder serves"
              + " the legacy snapshot folders instead.")
  Path catalog;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default ${DEFAULT-VALUE}, this machine only).")
  String bind;

  @Option(
      names = "--engine",
      defaultValue = "embedded",
      description = "embedded (DuckDB in-process, default) or trino.")
  String engine;

  @Option(
      names = "--trino-url",
      description = "JDBC URL of Trino for --engine trino (default jdbc:trino://127.0.0.1:8090).")
  String trinoUrl;

  @Option(
      names = "--users",
      description =
          "The users file written by ./tfwh users (API tokens); without it only the"
              + " public (and OpenID Connect users, when configured) can sign in.")
  Path users;

  @Option(
      names = "--landing",
      paramLabel = "DIR",
      description =
          "Take returns: coordinators send them to the submission service, which moves each"
              + " signed-off return into this landing folder for ./tfwh load. Without it the"
              + " service takes none.")
  Path landing;

  @Option(
      names = "--submissions",
      paramLabel = "DIR",
      description =
          "Where the submission service keeps received, rejected and signed-off returns' records"
              + " (default: submissions beside the landing folder, on its file system).")
  Path submissions;

  /**
   * Any Spring Boot or tfwh property as {@code --name=value} (such as {@code
   * --spring.security.oauth2.resourceserver.jwt.issuer-uri=...} or {@code
   * --tfwh.api.public-max-age=30s}), as docs/security.md and docs/api.md show; applied after the
   * options above.
   */
  @CommandLine.Unmatched List<String> springProperties = new ArrayList<>();

  private final Map<String, String> environment;

  public ServeCommand() {
    this(System.getenv());
  }

  /** With the environment that chooses the store ({@code TFWH_STORE}, {@code TFWH_CATALOG}). */
  ServeCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  private static final Pattern PROPERTY =
      Pattern.compile(
          "--((?:spring|server|tfwh|management|logging)\\.[A-Za-z0-9_.\\[\\]-]+)=(.*)",
          Pattern.DOTALL);

  @Override
  public Integer call() {
    String problem = problem();
    if (problem == null) {
      problem = portProblem();
    }
    if (problem != null) {
      System.err.println("tfwh serve: " + problem);
      return 2;
    }
    ConfigurableApplicationContext context = start();
    String listening = context.getEnvironment().getProperty("local.server.port");
    String base = "http://" + bind + ":" + listening;
    boolean iceberg = "iceberg".equals(context.getEnvironment().getProperty("tfwh.store.kind"));
    System.out.println(
        "tfwh serve: over " + warehouse.toAbsolutePath() + (iceberg ? " (the Iceberg store)" : ""));
    System.out.println("  dashboard  " + base + "/");
    System.out.println("  API        " + base + "/api/v1  (OpenAPI " + base + "/v3/api-docs)");
    System.out.println("  API UI     " + base + "/swagger-ui.html");
    return 0;
  }

  /** What is wrong with the options, or null when they can be served. */
  String problem() {
    if (!Files.isDirectory(warehouse)) {
      return "no warehouse folder " + warehouse;
    }
    if (catalog != null && !Files.isRegularFile(catalog)) {
      return "no catalog settings file " + catalog;
    }
    try {
      iceberg();
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    if (port < 0 || port > 65_535) {
      return "--port must be 0 to 65535, not " + port;
    }
    Engine chosen;
    try {
      chosen = Engine.of(engine);
    } catch (IllegalArgumentException e) {
      return "--" + e.getMessage();
    }
    if (chosen == Engine.TRINO) {
      try {
        StoreChoice.forTrino(catalog, warehouse.toAbsolutePath(), storeEnvironment());
      } catch (IllegalArgumentException e) {
        return "--engine trino: " + e.getMessage();
      }
    }
    for (String property : springProperties) {
      if (!PROPERTY.matcher(property).matches()) {
        return "unknown option '"
            + property
            + "': besides the options of --help, only properties written"
            + " --spring.NAME=VALUE, --server.NAME=VALUE or --tfwh.NAME=VALUE are taken";
      }
    }
    return null;
  }

  /** Why the service cannot listen where asked (checked just before it starts), or null. */
  String portProblem() {
    if (port != 0 && !free(bind, port)) {
      return "port " + port + " is in use on " + bind + "; choose another with --port";
    }
    return null;
  }

  /** Whether the address can be listened on now (a service already there would refuse it). */
  private static boolean free(String address, int port) {
    try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(address, port));
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Starts the service with these options; it runs until the context is closed. */
  ConfigurableApplicationContext start() {
    return start(properties());
  }

  /**
   * The store served, by the rule every command follows ({@link StoreChoice}): empty for the legacy
   * folder store. {@code --tfwh.store.kind=} and {@code --tfwh.store.catalog=} given as options
   * stand for {@code TFWH_STORE} and {@code TFWH_CATALOG}.
   */
  private Optional<CatalogSettings> iceberg() {
    return StoreChoice.iceberg(catalog, warehouse.toAbsolutePath(), storeEnvironment());
  }

  /** The environment with the store the properties name ({@code --tfwh.store.kind} and such). */
  private Map<String, String> storeEnvironment() {
    Map<String, String> chosen = new HashMap<>(environment);
    for (String property : springProperties) {
      Matcher given = PROPERTY.matcher(property);
      if (given.matches() && given.group(1).equals("tfwh.store.kind")) {
        chosen.put(StoreChoice.STORE_ENV, given.group(2));
      } else if (given.matches() && given.group(1).equals("tfwh.store.catalog")) {
        chosen.put(StoreChoice.CATALOG_ENV, given.group(2));
      }
    }
    return chosen;
  }

  /** The Spring properties these options stand for. */
  Map<String, Object> properties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("tfwh.api.warehouse", warehouse.toAbsolutePath().toString());
    properties.put("tfwh.api.engine", engine);
    // The store as chosen here, so the service serves what this command checked.
    properties.put("tfwh.store.kind", iceberg().isPresent() ? "iceberg" : "folder");
    if (catalog != null) {
      properties.put("tfwh.store.catalog", catalog.toAbsolutePath().toString());
    } else if (!environment.getOrDefault(StoreChoice.CATALOG_ENV, "").isBlank()) {
      properties.put(
          "tfwh.store.catalog",
          Path.of(environment.get(StoreChoice.CATALOG_ENV).strip()).toAbsolutePath().toString());
    }
    if (trinoUrl != null) {
      properties.put("tfwh.api.trino-url", trinoUrl);
    }
    if (users != null) {
      properties.put("tfwh.api.users", users.toAbsolutePath().toString());
    }
    if (landing != null) {
      properties.put("tfwh.submissions.landing", landing.toAbsolutePath().toString());
    }
    if (submissions != null) {
      properties.put("tfwh.submissions.folder", submissions.toAbsolutePath().toString());
    }
    properties.put("server.port", Integer.toString(port));
    properties.put("server.address", bind);
    for (String property : springProperties) {
      Matcher given = PROPERTY.matcher(property);
      if (given.matches()) {
        properties.put(given.group(1), given.group(2));
      }
    }
    return properties;
  }

  private static ConfigurableApplicationContext start(Map<String, Object> properties) {
    SpringApplication application = new SpringApplication(TfwhApiApplication.class);
    // Passed as command-line arguments, so they beat every properties file.
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return application.run(args);
  }

  public static void main(String[] args) {
    int exit = new CommandLine(new ServeCommand()).execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
    // Otherwise the web server's threads keep the JVM running until it is stopped.
  }
}
