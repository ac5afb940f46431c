package uk.gov.tfwh.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;

/**
 * The API service: Spring Boot over the warehouse's query layer. Started by {@link ServeCommand}.
 * Its defaults live in {@code api-defaults.properties} beside it rather than in an {@code
 * application.properties}, so a module that runs it (api/web) can have its own without hiding them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@PropertySource("classpath:uk/gov/tfwh/api/api-defaults.properties")
public class TfwhApiApplication {}
