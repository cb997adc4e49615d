package dev.roster.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/** The retention windows bind from the environment and refuse values that would break the hook inbox. */
class RetentionPropertiesTests {

    private static RetentionProperties bind(Map<String, String> values) {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("roster.retention", org.springframework.boot.context.properties.bind.Bindable.of(RetentionProperties.class),
                        new ValidationBindHandler(validator));
    }

    @Test
    void bindWhenNothingSetThenDocumentedDefaults() {
        RetentionProperties defaults = bind(Map.of());
        assertThat(defaults.hookEvents()).isEqualTo(Duration.ofDays(3));
        assertThat(defaults.hookDeliveries()).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.batchSize()).isEqualTo(1000);
    }

    @Test
    void bindWhenDeliveriesShorterThanEventsThenRefused() {
        try {
            bind(Map.of("roster.retention.hook-events", "5d", "roster.retention.hook-deliveries", "2d"));
            org.junit.jupiter.api.Assertions.fail("expected a validation failure");
        } catch (Exception e) {
            assertThat(e).rootCause().isInstanceOf(BindValidationException.class)
                    .hasMessageContaining("hook-deliveries must be at least");
        }
    }

    @Test
    void bindWhenDedupeWindowUnderAnHourOrBatchTooLargeThenRefused() {
        for (Map<String, String> bad : java.util.List.of(Map.of("roster.retention.hook-events", "10m"),
                Map.of("roster.retention.batch-size", "50000"))) {
            try {
                bind(bad);
                org.junit.jupiter.api.Assertions.fail("expected a validation failure for " + bad);
            } catch (Exception e) {
                assertThat(e).rootCause().isInstanceOf(BindValidationException.class);
            }
        }
    }
}
