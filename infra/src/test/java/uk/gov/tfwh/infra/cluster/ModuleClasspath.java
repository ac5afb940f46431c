package uk.gov.tfwh.infra.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A runnable module's classpath as {@code infra/bin/common.sh} computes it for {@code ./tfwh}: the
 * module's jar and the {@code target/runtime-classpath.txt} that maven-dependency-plugin writes at
 * package time. So the cluster runs the same jars as a deployment of this build.
 */
public final class ModuleClasspath {
  private ModuleClasspath() {}

  /** The project's root folder (the {@code tfwh.root.dir} the build passes to tests). */
  public static Path root() {
    String root = System.getProperty("tfwh.root.dir");
    if (root == null) {
      throw new IllegalStateException("tfwh.root.dir is not set (the Maven build sets it)");
    }
    return Path.of(root).toAbsolutePath().normalize();
  }

  public static List<String> of(String module) {
    Path target = root().resolve(module).resolve("target");
    Path listing = target.resolve("runtime-classpath.txt");
    try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.of()) {
      Path jar =
          files
              .filter(path -> path.getFileName().toString().endsWith(".jar"))
              .filter(path -> !path.getFileName().toString().matches(".*-(sources|tests)\\.jar"))
              .findFirst()
              .orElse(null);
      if (jar == null || !Files.exists(listing)) {
        throw new IllegalStateException(
            module
                + " is not built (no jar or no "
                + listing
                + "): run mvn install -DskipTests -pl "
                + module
                + " -am");
      }
      List<String> entries = new ArrayList<>(List.of(jar.toString()));
      for (String entry : Files.readString(listing).trim().split(":")) {
        if (!entry.isBlank()) {
          entries.add(entry);
        }
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** This module's compiled test classes (the cluster tests' own drivers and clients). */
  public static String infraTestClasses() {
    String folder = System.getProperty("tfwh.infra.test.classes");
    return folder != null ? folder : root().resolve("infra/target/test-classes").toString();
  }
}
