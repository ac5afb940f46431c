package uk.gov.tfwh.api.release;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link ServedResponseFilter} just after Spring Security's filter chain. */
@Configuration(proxyBeanMethods = false)
class ServedResponseConfiguration {
  /** Enough for every figures resource of a few quarters in both representations. */
  private static final int MAX_ENTRIES = 1_024;

  /** A bound on the heap the kept responses take (the largest, payments, is under 1 MiB). */
  private static final long MAX_BYTES = 64L << 20;

  /**
   * The public's requests, before Spring Security: a hit then costs Tomcat and this filter only
   * (the security chain took most of the CPU of a request served from memory).
   */
  @Bean
  FilterRegistrationBean<ServedResponseFilter> publicServedResponses(SnapshotPointers pointers) {
    return registration(
        pointers,
        ServedResponseFilter.Placement.PUBLIC_BEFORE_SECURITY,
        SecurityProperties.DEFAULT_FILTER_ORDER - 1);
  }

  /** Signed-in requests, after Spring Security (the viewer is known, refusals have happened). */
  @Bean
  FilterRegistrationBean<ServedResponseFilter> signedInServedResponses(SnapshotPointers pointers) {
    return registration(
        pointers,
        ServedResponseFilter.Placement.SIGNED_IN_AFTER_SECURITY,
        SecurityProperties.DEFAULT_FILTER_ORDER + 1);
  }

  /**
   * A kept response goes to the socket in one write: Tomcat copies a response through an 8 KiB
   * socket buffer by default, seven system calls for a 57 KB league table.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> oneWritePerResponse() {
    return factory ->
        factory.addConnectorCustomizers(
            connector -> connector.setProperty("socket.appWriteBufSize", "65536"));
  }

  private static FilterRegistrationBean<ServedResponseFilter> registration(
      SnapshotPointers pointers, ServedResponseFilter.Placement placement, int order) {
    FilterRegistrationBean<ServedResponseFilter> registration =
        new FilterRegistrationBean<>(
            new ServedResponseFilter(pointers, placement, MAX_ENTRIES, MAX_BYTES));
    // Two instances of one filter class: each needs its own name (and so its own once-per-request
    // marker).
    registration.setName("servedResponses-" + placement.name().toLowerCase(java.util.Locale.ROOT));
    registration.setOrder(order);
    registration.addUrlPatterns("/api/v1/*");
    return registration;
  }
}
