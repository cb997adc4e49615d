package dev.roster.cli;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerStarter;

/**
 * What differs when Roster runs a command instead of serving: the job queue's workers never
 * start, so this process picks up no hook job, run or email meant for the servers. (The web
 * server does not listen either: the command line sets {@code server.port=-1}.)
 */
@Configuration(proxyBeanMethods = false)
@Profile(RosterCli.PROFILE)
class CommandLineMode {

    @Bean
    DbSchedulerStarter jobQueueWorkersOff() {
        return () -> {
        };
    }
}
