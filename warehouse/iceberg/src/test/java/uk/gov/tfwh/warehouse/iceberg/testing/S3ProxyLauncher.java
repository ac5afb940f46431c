package uk.gov.tfwh.warehouse.iceberg.testing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;

/**
 * The main class of the s3proxy child JVM that {@link S3ProxyServer} starts: runs s3proxy's own
 * main and halts when its standard input ends. The test JVM holds the other end of that pipe, so
 * the server stops when the test JVM exits, however it exits (a shutdown hook does not run on
 * SIGKILL). Only the JDK and s3proxy's jar are on the child's classpath, so s3proxy is called by
 * name.
 */
public final class S3ProxyLauncher {
  private S3ProxyLauncher() {}

  public static void main(String[] args) throws IOException {
    Thread server =
        new Thread(
            () -> {
              try {
                Class.forName("org.gaul.s3proxy.Main")
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) args);
              } catch (InvocationTargetException e) {
                e.getCause().printStackTrace();
                Runtime.getRuntime().halt(2);
              } catch (ReflectiveOperationException e) {
                e.printStackTrace();
                Runtime.getRuntime().halt(2);
              }
            },
            "s3proxy");
    server.setDaemon(true);
    server.start();
    InputStream parent = System.in;
    while (parent.read() >= 0) {
      // nothing is sent; the pipe only tells this JVM that the test JVM is alive
    }
    Runtime.getRuntime().halt(0);
  }
}
