package uk.gov.tfwh.api.serving;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

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
  FilterRegistrationBean<ServedResponseFilter> publicServedResponses(
      SnapshotPointers pointers,
      @Qualifier("requestMappingHandlerMapping")
          ObjectProvider<RequestMappingHandlerMapping> mappings) {
    return registration(
        pointers,
        readParameters(mappings),
        ServedResponseFilter.Placement.PUBLIC_BEFORE_SECURITY,
        SecurityProperties.DEFAULT_FILTER_ORDER - 1);
  }

  /** Signed-in requests, after Spring Security (the viewer is known, refusals have happened). */
  @Bean
  FilterRegistrationBean<ServedResponseFilter> signedInServedResponses(
      SnapshotPointers pointers,
      @Qualifier("requestMappingHandlerMapping")
          ObjectProvider<RequestMappingHandlerMapping> mappings) {
    return registration(
        pointers,
        readParameters(mappings),
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

  /** Worked out once, at the first request, when every controller is mapped. */
  private static Supplier<Set<String>> readParameters(
      ObjectProvider<RequestMappingHandlerMapping> mappings) {
    AtomicReference<Set<String>> names = new AtomicReference<>();
    return () ->
        names.updateAndGet(
            known -> known != null ? known : ReadParameters.of(mappings.getObject()));
  }

  private static FilterRegistrationBean<ServedResponseFilter> registration(
      SnapshotPointers pointers,
      Supplier<Set<String>> readParameters,
      ServedResponseFilter.Placement placement,
      int order) {
    FilterRegistrationBean<ServedResponseFilter> registration =
        new FilterRegistrationBean<>(
            new ServedResponseFilter(pointers, placement, MAX_ENTRIES, MAX_BYTES, readParameters));
    // Two instances of one filter class: each needs its own name (and so its own once-per-request
    // marker).
    registration.setName("servedResponses-" + placement.name().toLowerCase(java.util.Locale.ROOT));
    registration.setOrder(order);
    registration.addUrlPatterns("/api/v1/*");
    return registration;
  }
}
