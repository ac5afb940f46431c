package uk.gov.tfwh.api.release;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
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

  @Bean
  FilterRegistrationBean<ServedResponseFilter> servedResponseFilter(SnapshotPointers pointers) {
    FilterRegistrationBean<ServedResponseFilter> registration =
        new FilterRegistrationBean<>(new ServedResponseFilter(pointers, MAX_ENTRIES, MAX_BYTES));
    // After security (the viewer is known, refusals have happened), before Spring MVC.
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    registration.addUrlPatterns("/api/v1/*");
    return registration;
  }
}
