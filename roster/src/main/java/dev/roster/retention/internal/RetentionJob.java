package dev.roster.retention.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import com.github.kagkarlsson.scheduler.task.Priority;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.roster.retention.RetentionProperties;

/**
 * The recurring prune, on db-scheduler: one execution across all instances at a time, picked by
 * whichever instance is free, at the lowest priority, so hook jobs and reconciliations go first.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionJob {

    @Bean
    RecurringTask<Void> retentionPruneTask(@Lazy RetentionRun run, RetentionProperties properties) {
        return Tasks.recurring("retention-prune", FixedDelay.of(properties.interval()))
                .defaultPriority(Priority.LOW)
                .execute((instance, context) -> run.pruneAll());
    }
}
