package uk.gov.tfwh.api.config;

import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.access.Viewers;
import uk.gov.tfwh.api.problem.SingleValuedParameters;
import uk.gov.tfwh.api.table.CsvMessageConverter;

/**
 * Controllers receive the {@link Viewer}; CSV is offered after JSON, so JSON is the default; the
 * API's parameters are each given once.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {
  static {
    // The viewer comes from the security context, not from the request: not an API parameter.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Viewer.class);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(
        new HandlerMethodArgumentResolver() {
          @Override
          public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Viewer.class;
          }

          @Override
          public Object resolveArgument(
              MethodParameter parameter,
              ModelAndViewContainer container,
              NativeWebRequest request,
              WebDataBinderFactory binders) {
            return Viewers.current();
          }
        });
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new SingleValuedParameters()).addPathPatterns("/api/**");
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.add(new CsvMessageConverter());
  }
}
