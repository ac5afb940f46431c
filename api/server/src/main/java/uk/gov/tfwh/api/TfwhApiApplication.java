package uk.gov.tfwh.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The API service: Spring Boot over the warehouse's query layer. Started by {@link ServeCommand}.
 * Its defaults live in {@code api-defaults.properties} beside it rather than in an {@code
 * application.properties}, so a module that runs it (api/web) can have its own without hiding them;
 * {@link uk.gov.tfwh.api.config.ApiDefaults} adds them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TfwhApiApplication {}
