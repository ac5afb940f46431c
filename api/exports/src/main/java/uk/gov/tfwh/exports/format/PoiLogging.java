package uk.gov.tfwh.exports.format;

/**
 * POI logs through the Log4j API, which with no Log4j core on the class path prints "could not find
 * a logging provider" on every run of a command; the API's own simple logger keeps its errors only.
 * Called first thing by each command-line entry point that writes spreadsheets or PDFs.
 */
public final class PoiLogging {
  private PoiLogging() {}

  public static void keepErrorsOnly() {
    System.setProperty(
        "log4j2.loggerContextFactory",
        "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
  }
}
