package dev.roster;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.roster.cli.RosterCli;

/**
 * Roster: a people directory kept in step with each customer account's Okta org. Serves by default;
 * {@code roster.jar accounts | check | sync} runs an operator command instead ({@link RosterCli}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RosterApplication {

    public static void main(String[] args) {
        if (RosterCli.handles(args)) {
            RosterCli.main(args, RosterApplication.class);
            return;
        }
        SpringApplication.run(RosterApplication.class, withDemoFlag(args));
    }

    /** {@code --demo} is a friendlier spelling of {@code --roster.demo.enabled=true}. */
    static String[] withDemoFlag(String[] args) {
        return java.util.Arrays.stream(args)
                .map(arg -> arg.equals("--demo") ? "--roster.demo.enabled=true" : arg)
                .toArray(String[]::new);
    }
}
