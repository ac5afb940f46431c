package uk.gov.tfwh.api.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The one headless Chromium every browser test shares: Debian's {@code chromium} driven by its
 * {@code chromium-driver}, started with a fresh profile and nothing that reaches the network on its
 * own (no sync, component updates, background networking or QUIC).
 */
final class Browser {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private static ChromeDriver driver;
  private static Path profile;

  private Browser() {}

  static synchronized ChromeDriver shared() {
    if (driver == null) {
      driver = start();
      Runtime.getRuntime().addShutdownHook(new Thread(Browser::stop));
    }
    return driver;
  }

  private static ChromeDriver start() {
    try {
      profile = Files.createTempDirectory("tfwh-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
            .build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    chrome.manage().window().setSize(new Dimension(1280, 1000));
    return chrome;
  }

  /** A PNG of the whole page, beyond the window's height. */
  static byte[] fullPageScreenshot(ChromeDriver chrome) {
    Object height = chrome.executeScript("return document.documentElement.scrollHeight");
    Map<String, Object> result =
        chrome.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of(
                    "x",
                    0,
                    "y",
                    0,
                    "width",
                    1280,
                    "height",
                    ((Number) height).intValue(),
                    "scale",
                    1)));
    return Base64.getDecoder().decode((String) result.get("data"));
  }

  private static synchronized void stop() {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }

  /**
   * Whether a page's element has gone with its page. Chromium sometimes answers a check on an
   * element of a page being replaced with "node does not belong to the document" rather than a
   * stale-element error (ExpectedConditions.stalenessOf then fails): both mean it is gone.
   */
  static boolean isGone(org.openqa.selenium.WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }
}
