package dev.roster.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;

/**
 * The operator command line: {@code java -jar roster.jar accounts | check | sync}. A command starts
 * Roster with the server's configuration (database, secrets key, environment) but without the web
 * server or the job queue's workers, does its work and exits with an {@link ExitCode}.
 */
public final class RosterCli {

    /** The Spring profile a command runs under (see {@link CommandLineMode}). */
    static final String PROFILE = "command-line";

    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

    private RosterCli() {
    }

    /** Whether these arguments name a command; anything else (none, {@code --demo}, {@code --server.port=…}) serves. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || HELP.contains(args[0]));
    }

    /** Runs the command with Roster's {@code application} class and exits with its status. */
    public static void main(String[] args, Class<?> application) {
        PrintWriter out = new PrintWriter(System.out, true);
        // Logs and anything a library prints go to stderr: stdout carries only the command's output (and --json).
        System.setOut(System.err);
        PrintWriter err = new PrintWriter(System.err, true);
        ConfigurableApplicationContext[] started = new ConfigurableApplicationContext[1];
        int code = run(args, out, err, stderrIsTerminal(), () -> started[0] = start(application));
        if (started[0] != null) {
            started[0].close();
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Parses and runs one command; the context is started only when a command needs it.
     *
     * @param interactive whether stderr is a terminal (a redrawn progress bar) or not (periodic lines)
     */
    static int run(String[] args, PrintWriter out, PrintWriter err, boolean interactive,
            Supplier<? extends ApplicationContext> context) {
        Beans beans = new Beans(context);
        CommandLine cli = new CommandLine(new RosterCommand(), new Commands(beans, interactive));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("roster: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return ExitCode.FAILED.code;
        });
        describeExitCodes(cli);
        return cli.execute(args);
    }

    private static void describeExitCodes(CommandLine cli) {
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.usageList());
        cli.getSubcommands().values().forEach(RosterCli::describeExitCodes);
    }

    private static ConfigurableApplicationContext start(Class<?> application) {
        SpringApplication app = new SpringApplication(application);
        app.setAdditionalProfiles(PROFILE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        // Warnings stay (a generated secrets key means the wrong directory); two known start-up notes go.
        app.setDefaultProperties(Map.of("logging.level.root", "WARN", "logging.level.org.flywaydb", "ERROR",
                "logging.level.com.github.kagkarlsson.scheduler.jdbc", "ERROR"));
        // Arguments outrank the environment: a command never listens on a port or starts the demo.
        return app.run("--server.port=-1", "--roster.demo.enabled=false");
    }

    /** Java 17 can only tell whether stdin and stdout are terminals; on Linux, /proc tells about stderr. */
    private static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            // no /proc (not Linux): whether a console is attached is the best Java 17 can tell
            return System.console() != null;
        }
    }

    /** Makes the commands with what they need. */
    private record Commands(Beans beans, boolean interactive) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == AccountsCommand.class) {
                return type.cast(new AccountsCommand(beans));
            }
            if (type == CheckCommand.class) {
                return type.cast(new CheckCommand(beans));
            }
            if (type == SyncCommand.class) {
                return type.cast(new SyncCommand(beans, interactive));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
