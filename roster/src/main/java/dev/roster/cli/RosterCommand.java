package dev.roster.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code roster}: the commands; without one, the jar serves Roster instead. */
@Command(name = "roster", mixinStandardHelpOptions = true, versionProvider = RosterCommand.Version.class,
        subcommands = { AccountsCommand.class, CheckCommand.class, SyncCommand.class, HelpCommand.class },
        description = { "Roster's operator commands. They use the server's configuration (database, "
                + "ROSTER_SECRETS_KEY, environment) but start no web server and no job-queue workers.",
                "Without a command, the jar serves Roster (add --demo for the demo)." })
class RosterCommand {

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RosterCommand.class.getPackage().getImplementationVersion();
            return new String[] { "roster " + (version == null ? "(development build)" : version) };
        }
    }
}
