package dev.roster;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Roster: a people directory kept in step with each customer account's Okta org. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RosterApplication {

    public static void main(String[] args) {
        SpringApplication.run(RosterApplication.class, withDemoFlag(args));
    }

    /** {@code --demo} is a friendlier spelling of {@code --roster.demo.enabled=true}. */
    static String[] withDemoFlag(String[] args) {
        return java.util.Arrays.stream(args)
                .map(arg -> arg.equals("--demo") ? "--roster.demo.enabled=true" : arg)
                .toArray(String[]::new);
    }
}
