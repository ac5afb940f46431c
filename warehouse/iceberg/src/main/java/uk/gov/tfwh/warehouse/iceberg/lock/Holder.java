package uk.gov.tfwh.warehouse.iceberg.lock;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/** How a writer describes itself to the writers it refuses: purpose, host, process, since. */
final class Holder {
  /** The longest holder text {@code tfwh_writer.holder} keeps. */
  private static final int MAX_LENGTH = 255;

  private Holder() {}

  static String describe(String purpose, Instant since) {
    String text =
        purpose
            + " (host "
            + host()
            + ", process "
            + ProcessHandle.current().pid()
            + ", since "
            + since
            + ")";
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH);
  }

  static String requirePurpose(String purpose) {
    if (purpose == null || purpose.isBlank() || purpose.length() > 64) {
      throw new IllegalArgumentException(
          "a writer lock's purpose is a short text such as load or publish, not '" + purpose + "'");
    }
    return purpose;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String fromEnvironment = System.getenv("HOSTNAME");
      return fromEnvironment == null || fromEnvironment.isBlank() ? "unknown" : fromEnvironment;
    }
  }
}
