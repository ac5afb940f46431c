package uk.gov.tfwh.api.web.page;

import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import uk.gov.tfwh.api.problem.SingleValuedParameters;

/**
 * A page address that gives a parameter twice ({@code ?phase=1&phase=2}) is refused with the API's
 * words on a GOV.UK error page, rather than read as {@code '1,2'}. Only the compare page's {@code
 * codes} take several values. The API's own paths keep the API's check and its problem JSON.
 */
@Configuration
public class PageParameters implements WebMvcConfigurer {
  /** The one page parameter a reader gives several times: the authorities compared. */
  static final Set<String> MANY_VALUED = Set.of("codes");

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new SingleValuedParameters(MANY_VALUED, (name, message) -> new BadPageRequest(message)))
        .addPathPatterns("/**")
        .excludePathPatterns("/api/**", "/assets/**");
  }
}
