package uk.gov.tfwh.warehouse.iceberg.catalog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Where the warehouse's Iceberg catalog and tables live: the one catalog setting ({@code --catalog
 * FILE}, a Java properties file) that the load, the API, publish and Trino share. Without a file
 * the embedded default applies: a SQLite catalog at {@code <warehouse>/catalog.db} and the tables
 * under {@code file:<warehouse>/tables}.
 *
 * <p>The tables may be on object storage instead ({@code tfwh.catalog.warehouse=s3://bucket/path},
 * reached as the {@code tfwh.s3.*} keys say; {@link S3Settings}), and the embedded engine then
 * reads local copies of their files ({@code tfwh.cache.*}; {@link CacheSettings}). An example with
 * every key: {@code infra/catalog/s3.properties.example}.
 *
 * <p>The file holds no secrets: a password or an S3 key is named by the environment variable that
 * holds it ({@code tfwh.catalog.password-env}, {@code tfwh.s3.access-key-env}, {@code
 * tfwh.s3.secret-key-env}), and is read from the environment only when the catalog opens, so it is
 * never part of these settings, their {@code toString} or a log line.
 *
 * @param name the catalog's name: Iceberg's {@code catalog_name} in the catalog database, Spark's
 *     {@code spark.sql.catalog.<name>} and Trino's catalog
 * @param uri the catalog database, {@code jdbc:sqlite:/absolute/file} or {@code
 *     jdbc:postgresql://host:port/database}
 * @param user the database user (PostgreSQL only)
 * @param passwordEnv the environment variable holding the database password (PostgreSQL only)
 * @param warehouse where the tables' data and metadata files go, {@code file:/absolute/folder} or
 *     {@code s3://bucket/path}
 * @param namespace the namespace of the warehouse's tables (not the catalog's name: Spark's
 *     procedures would read {@code name.table} as a catalog and a table)
 * @param lock the writer lock that keeps a second writer out ({@code tfwh.lock}; section 5.6)
 * @param orphanMinAge how old a file no snapshot reaches must be before retention's orphan sweep
 *     deletes it ({@code tfwh.retention.orphan-min-age}, an ISO-8601 duration; section 5.8)
 * @param s3 how to reach the object storage of an {@code s3://} warehouse ({@link
 *     S3Settings#DEFAULTS} for a {@code file:} one)
 * @param cache where the embedded engine keeps its copy of an {@code s3://} warehouse's files
 */
public record CatalogSettings(
    String name,
    String uri,
    Optional<String> user,
    Optional<String> passwordEnv,
    String warehouse,
    String namespace,
    LockMode lock,
    Duration orphanMinAge,
    S3Settings s3,
    CacheSettings cache) {

  public static final String NAME = "tfwh.catalog.name";
  public static final String URI = "tfwh.catalog.uri";
  public static final String USER = "tfwh.catalog.user";
  public static final String PASSWORD_ENV = "tfwh.catalog.password-env";
  public static final String WAREHOUSE = "tfwh.catalog.warehouse";
  public static final String NAMESPACE = "tfwh.catalog.namespace";
  public static final String LOCK = "tfwh.lock";
  public static final String ORPHAN_MIN_AGE = "tfwh.retention.orphan-min-age";

  public static final String S3_ENDPOINT = "tfwh.s3.endpoint";
  public static final String S3_PATH_STYLE_ACCESS = "tfwh.s3.path-style-access";
  public static final String S3_REGION = "tfwh.s3.region";
  public static final String S3_ACCESS_KEY_ENV = "tfwh.s3.access-key-env";
  public static final String S3_SECRET_KEY_ENV = "tfwh.s3.secret-key-env";
  public static final String CACHE_DIR = "tfwh.cache.dir";
  public static final String CACHE_MAX_MIB = "tfwh.cache.max-mib";

  /** Every key a settings file may hold. */
  public static final List<String> KEYS =
      List.of(
          NAME,
          URI,
          USER,
          PASSWORD_ENV,
          WAREHOUSE,
          NAMESPACE,
          LOCK,
          ORPHAN_MIN_AGE,
          S3_ENDPOINT,
          S3_PATH_STYLE_ACCESS,
          S3_REGION,
          S3_ACCESS_KEY_ENV,
          S3_SECRET_KEY_ENV,
          CACHE_DIR,
          CACHE_MAX_MIB);

  /**
   * The orphan sweep's default minimum age: a writer that holds no lock (tests only) may be writing
   * a file no snapshot names yet, and no load takes a day.
   */
  public static final Duration DEFAULT_ORPHAN_MIN_AGE = Duration.ofHours(24);

  /** The embedded catalog's database file, inside the warehouse folder. */
  public static final String SQLITE_FILE = "catalog.db";

  /** The embedded warehouse's table folder, inside the warehouse folder. */
  public static final String TABLES_FOLDER = "tables";

  /**
   * Added to every SQLite URI: readers never block a commit (write-ahead log), and a connection
   * waits up to 10 s for another's write instead of failing at once.
   */
  static final String SQLITE_OPTIONS = "journal_mode=WAL&busy_timeout=10000";

  private static final String IDENTIFIER = "[a-z][a-z0-9_]*";
  private static final String SQLITE_PREFIX = "jdbc:sqlite:";
  private static final String POSTGRESQL_PREFIX = "jdbc:postgresql://";
  private static final String FILE_SCHEME = "file:";
  private static final String S3_SCHEME = "s3://";

  /** S3's rule for bucket names, less the rarely used dots. */
  private static final String BUCKET = "[a-z0-9][a-z0-9-]{1,61}[a-z0-9]";

  /** The database that holds the catalog. */
  public enum Database {
    SQLITE,
    POSTGRESQL
  }

  /** Which writer lock a writer takes ({@code tfwh.lock}). */
  public enum LockMode {
    /** The file lock with SQLite, PostgreSQL's advisory lock with PostgreSQL. */
    AUTO,
    /** The operating system's lock on {@code <warehouse>/.lock}: writers on one machine. */
    FILE,
    /** PostgreSQL's advisory lock in the catalog database: writers on any host. */
    POSTGRES,
    /**
     * No lock, for tests of the release's own guard only; refused with SQLite, which allows one
     * writer process (design section 7).
     */
    NONE;

    /** The setting's value in a settings file. */
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }

    static LockMode of(String value) {
      for (LockMode mode : values()) {
        if (mode.value().equals(value)) {
          return mode;
        }
      }
      throw invalid(LOCK, value, "auto, file, postgres or none");
    }
  }

  public CatalogSettings {
    requireNonNull(name, "name");
    requireNonNull(uri, "uri");
    requireNonNull(user, "user");
    requireNonNull(passwordEnv, "passwordEnv");
    requireNonNull(warehouse, "warehouse");
    requireNonNull(namespace, "namespace");
    requireNonNull(lock, "lock");
    requireNonNull(orphanMinAge, "orphanMinAge");
    if (orphanMinAge.isNegative()) {
      throw invalid(
          ORPHAN_MIN_AGE, orphanMinAge.toString(), "a duration of 0 or more, such as PT24H");
    }
    requireNonNull(s3, "s3");
    requireNonNull(cache, "cache");
    if (!name.matches(IDENTIFIER)) {
      throw invalid(NAME, name, "a catalog name in lower snake case, such as tfwh");
    }
    if (!namespace.matches(IDENTIFIER)) {
      throw invalid(NAMESPACE, namespace, "a namespace in lower snake case, such as warehouse");
    }
    if (namespace.equals(name)) {
      throw invalid(
          NAMESPACE,
          namespace,
          "a namespace other than the catalog's name (Spark would read "
              + name
              + ".table as a"
              + " catalog and a table)");
    }
    if (namespace.equals(WarehouseCatalog.STATE_NAMESPACE)) {
      throw invalid(NAMESPACE, namespace, "a namespace other than the load state's");
    }
    if (uri.toLowerCase(Locale.ROOT).contains("password=")) {
      throw new IllegalArgumentException(
          URI
              + " holds a password: secrets are not written in the settings file; set "
              + PASSWORD_ENV
              + " to the name of the environment variable that holds it");
    }
    Database database = database(uri);
    if (database == Database.SQLITE) {
      sqliteFile(uri);
      if (user.isPresent() || passwordEnv.isPresent()) {
        throw new IllegalArgumentException(
            USER + " and " + PASSWORD_ENV + " are for a PostgreSQL catalog: SQLite has no users");
      }
      if (lock == LockMode.NONE) {
        throw new IllegalArgumentException(
            LOCK
                + "=none is refused with a SQLite catalog: SQLite allows one writer process, and a"
                + " second one fails inside Iceberg's commit (SQLITE_BUSY); use auto or file");
      }
      if (lock == LockMode.POSTGRES) {
        throw new IllegalArgumentException(
            LOCK + "=postgres needs a PostgreSQL catalog; with SQLite use auto or file");
      }
    }
    user.ifPresent(u -> requireText(USER, u));
    passwordEnv.ifPresent(variable -> requireVariableName(PASSWORD_ENV, variable));
    warehouse = warehouseLocation(warehouse);
    if (!warehouse.startsWith(S3_SCHEME) && s3.isSet()) {
      throw new IllegalArgumentException(
          "the tfwh.s3.* settings are for an s3:// warehouse, and "
              + WAREHOUSE
              + " is "
              + warehouse);
    }
  }

  /** The embedded default: SQLite and tables in the warehouse folder. */
  public static CatalogSettings embedded(Path warehouseDir) {
    Path dir = warehouseDir.toAbsolutePath().normalize();
    return new CatalogSettings(
        "tfwh",
        SQLITE_PREFIX + dir.resolve(SQLITE_FILE),
        Optional.empty(),
        Optional.empty(),
        FILE_SCHEME + dir.resolve(TABLES_FOLDER),
        "warehouse",
        LockMode.AUTO,
        DEFAULT_ORPHAN_MIN_AGE,
        S3Settings.DEFAULTS,
        CacheSettings.in(dir));
  }

  /**
   * The settings in a properties file; a key the file does not set keeps the embedded default for
   * this warehouse folder.
   */
  public static CatalogSettings read(Path file, Path warehouseDir) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no catalog settings file at " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the catalog settings " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the catalog settings " + file + " are not a properties file: " + e.getMessage(), e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
    return of(values, warehouseDir);
  }

  /** The settings these keys give; a key not given keeps the embedded default. */
  public static CatalogSettings of(Map<String, String> properties, Path warehouseDir) {
    for (String key : new TreeSet<>(properties.keySet())) {
      if (!KEYS.contains(key)) {
        if (KEYS.contains(key + "-env")) {
          throw new IllegalArgumentException(
              key
                  + ": secrets are not written in the settings file; set "
                  + key
                  + "-env to the name of the environment variable that holds it");
        }
        throw new IllegalArgumentException(
            "unknown catalog setting " + key + "; the settings are " + String.join(", ", KEYS));
      }
    }
    CatalogSettings defaults = embedded(warehouseDir);
    S3Settings s3 =
        new S3Settings(
            value(properties, S3_ENDPOINT),
            value(properties, S3_PATH_STYLE_ACCESS)
                .map(v -> bool(S3_PATH_STYLE_ACCESS, v))
                .orElse(false),
            value(properties, S3_REGION),
            value(properties, S3_ACCESS_KEY_ENV),
            value(properties, S3_SECRET_KEY_ENV));
    CacheSettings cache =
        new CacheSettings(
            value(properties, CACHE_DIR).map(Path::of).orElse(defaults.cache().dir()),
            value(properties, CACHE_MAX_MIB)
                .map(v -> mebibytes(CACHE_MAX_MIB, v))
                .orElse(defaults.cache().maxBytes()));
    return new CatalogSettings(
        value(properties, NAME).orElse(defaults.name()),
        value(properties, URI).orElse(defaults.uri()),
        value(properties, USER),
        value(properties, PASSWORD_ENV),
        value(properties, WAREHOUSE).orElse(defaults.warehouse()),
        value(properties, NAMESPACE).orElse(defaults.namespace()),
        value(properties, LOCK).map(LockMode::of).orElse(LockMode.AUTO),
        value(properties, ORPHAN_MIN_AGE)
            .map(CatalogSettings::duration)
            .orElse(DEFAULT_ORPHAN_MIN_AGE),
        s3,
        cache);
  }

  /**
   * The lock a writer takes: {@code auto} is the file lock with SQLite and the advisory lock with
   * PostgreSQL.
   */
  public LockMode writerLock() {
    if (lock != LockMode.AUTO) {
      return lock;
    }
    return database() == Database.SQLITE ? LockMode.FILE : LockMode.POSTGRES;
  }

  private static Duration duration(String value) {
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(ORPHAN_MIN_AGE, value, "an ISO-8601 duration such as PT24H or PT0S");
    }
  }

  /** Whether the tables are on object storage ({@code s3://}) rather than this machine. */
  public boolean onObjectStorage() {
    return warehouse.startsWith(S3_SCHEME);
  }

  /** The bucket of an {@code s3://} warehouse. */
  public Optional<String> bucket() {
    if (!onObjectStorage()) {
      return Optional.empty();
    }
    String rest = warehouse.substring(S3_SCHEME.length());
    int slash = rest.indexOf('/');
    return Optional.of(slash < 0 ? rest : rest.substring(0, slash));
  }

  public Database database() {
    return database(uri);
  }

  /** The SQLite database file, for the embedded catalog. */
  public Optional<Path> sqliteFile() {
    return database() == Database.SQLITE ? Optional.of(sqliteFile(uri)) : Optional.empty();
  }

  /** The JDBC URL the catalog connects with: for SQLite, with its write-ahead log and timeout. */
  public String jdbcUrl() {
    return database() == Database.SQLITE ? uri + "?" + SQLITE_OPTIONS : uri;
  }

  /**
   * The properties Iceberg's JDBC catalog is initialised with, the password read from the
   * environment.
   */
  public Map<String, String> icebergProperties(Map<String, String> environment) {
    requireNonNull(environment, "environment");
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("uri", jdbcUrl());
    properties.put("warehouse", warehouse);
    properties.put("io-impl", onObjectStorage() ? S3Settings.FILE_IO : LocalFileIO.class.getName());
    // V1 adds views to the catalog's tables; it is what Trino's JDBC catalog expects.
    properties.put("jdbc.schema-version", "V1");
    if (database() == Database.SQLITE) {
      // SQLite allows one writer: the threads of a process share one connection.
      properties.put("clients", "1");
    }
    user.ifPresent(u -> properties.put("jdbc.user", u));
    passwordEnv.ifPresent(
        variable -> properties.put("jdbc.password", password(variable, environment)));
    if (onObjectStorage()) {
      properties.putAll(s3.icebergProperties(environment));
    }
    return properties;
  }

  static String password(String variable, Map<String, String> environment) {
    return secret(PASSWORD_ENV, variable, environment);
  }

  /** The secret in the environment variable a setting names. */
  static String secret(String key, String variable, Map<String, String> environment) {
    String secret = environment.get(variable);
    if (secret == null || secret.isEmpty()) {
      throw new IllegalStateException(
          key + " names the environment variable " + variable + ", which is not set");
    }
    return secret;
  }

  static void requireVariableName(String key, String variable) {
    if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      // not echoed: it may be the secret itself
      throw new IllegalArgumentException(
          key
              + " must be the name of an environment variable, such as"
              + " TFWH_CATALOG_PASSWORD (the secret itself stays in the environment)");
    }
  }

  private static Database database(String uri) {
    if (uri.startsWith(SQLITE_PREFIX)) {
      return Database.SQLITE;
    }
    if (uri.startsWith(POSTGRESQL_PREFIX) && uri.length() > POSTGRESQL_PREFIX.length()) {
      return Database.POSTGRESQL;
    }
    throw invalid(URI, uri, "jdbc:sqlite:/absolute/file or jdbc:postgresql://host:port/database");
  }

  private static Path sqliteFile(String uri) {
    String file = uri.substring(SQLITE_PREFIX.length());
    if (file.contains("?")) {
      throw invalid(
          URI, uri, "a SQLite URI without options (the catalog sets " + SQLITE_OPTIONS + ")");
    }
    if (!file.startsWith("/")) {
      throw invalid(URI, uri, "jdbc:sqlite: followed by the absolute path of the catalog file");
    }
    return Path.of(file).normalize();
  }

  private static String warehouseLocation(String warehouse) {
    String expected = "a folder on this machine, file:/absolute/folder, or s3://bucket/path";
    if (warehouse.startsWith(S3_SCHEME)) {
      String location = warehouse.replaceAll("/+$", "");
      String rest = location.substring(S3_SCHEME.length());
      String bucket = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
      if (!bucket.matches(BUCKET)
          || rest.contains("//")
          || rest.matches(".*[\\s?#].*")
          || rest.matches("(.*/)?\\.{1,2}(/.*)?")) {
        throw invalid(WAREHOUSE, warehouse, expected + " (a bucket name in lower case)");
      }
      return location;
    }
    if (!warehouse.startsWith(FILE_SCHEME)) {
      throw invalid(WAREHOUSE, warehouse, expected);
    }
    try {
      return FILE_SCHEME + LocalFileIO.path(warehouse).normalize();
    } catch (IllegalArgumentException e) {
      throw invalid(WAREHOUSE, warehouse, expected);
    }
  }

  private static boolean bool(String key, String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(key, value, "true or false");
    };
  }

  private static long mebibytes(String key, String value) {
    try {
      long mib = Long.parseLong(value);
      if (mib > 0 && mib < Long.MAX_VALUE / (1024 * 1024)) {
        return mib * 1024 * 1024;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw invalid(key, value, "a whole number of MiB, such as 10240");
  }

  private static Optional<String> value(Map<String, String> properties, String key) {
    String value = properties.get(key);
    if (value == null) {
      return Optional.empty();
    }
    String stripped = value.strip();
    if (stripped.matches(".*\\s#.*")) {
      throw invalid(
          key, stripped, "a value alone: a comment goes on a line of its own in a properties file");
    }
    return Optional.of(requireText(key, stripped));
  }

  private static String requireText(String key, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(key + " is empty: leave it out for the default");
    }
    return value;
  }

  private static IllegalArgumentException invalid(String key, String value, String expected) {
    return new IllegalArgumentException(key + " must be " + expected + ", not '" + value + "'");
  }
}
