package uk.gov.tfwh.etl.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.etl.LoadProcess;

/**
 * The load's JVM holds exactly one copy of each Iceberg class: the Spark runtime's. The warehouse
 * module's own Iceberg jars (iceberg-core and friends) are excluded, since a second copy of a class
 * that the runtime compiled against its shaded libraries fails at run time with {@code
 * NoSuchMethodError} or {@code ClassCastException} (docs/design/iceberg.md, section 3).
 */
class IcebergClasspathTest {

  @Test
  void everyIcebergClassComesFromOneJar() throws IOException {
    Map<String, List<String>> jarsOfClass = new TreeMap<>();
    List<String> icebergJars = new ArrayList<>();
    for (String entry : LoadProcess.expandedClasspath().split(File.pathSeparator)) {
      if (!entry.endsWith(".jar") || !new File(entry).isFile()) {
        continue;
      }
      try (JarFile jar = new JarFile(entry)) {
        boolean iceberg = false;
        for (JarEntry file : java.util.Collections.list(jar.entries())) {
          String name = file.getName();
          // The AWS bundle's shaded libraries are not Iceberg's classes.
          if (name.startsWith("org/apache/iceberg/")
              && !name.startsWith("org/apache/iceberg/aws/shaded/")
              && name.endsWith(".class")) {
            jarsOfClass.computeIfAbsent(name, n -> new ArrayList<>()).add(entry);
            iceberg = true;
          }
        }
        if (iceberg) {
          icebergJars.add(new File(entry).getName());
        }
      }
    }
    assertThat(icebergJars).singleElement().asString().startsWith("iceberg-spark-runtime-4.0_");
    assertThat(jarsOfClass).containsKey("org/apache/iceberg/jdbc/JdbcCatalog.class");
    assertThat(jarsOfClass.values()).allSatisfy(jars -> assertThat(jars).hasSize(1));
  }
}
