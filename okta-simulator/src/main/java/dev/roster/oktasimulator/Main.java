package dev.roster.oktasimulator;

import dev.roster.oktasimulator.gen.OrgGenerator.ManagerRef;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone simulator: {@code java -jar okta-simulator.jar [options]}. Prints one JSON line with the
 * connection details on stdout when ready; logs go to stderr.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("okta-simulator: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        OktaSimulator simulator = OktaSimulator.start(options);
        System.out.println(simulator.connectionJson());
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    public static SimulatorOptions parse(String[] args) {
        SimulatorOptions.Builder b = SimulatorOptions.builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--auto-login" -> b.autoLogin(true);
                case "--require-pkce" -> b.requirePkce(true);
                case "--help", "-h" -> throw new IllegalArgumentException("usage");
                default -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("missing value for " + arg);
                        }
                        value = args[++i];
                    }
                    option(b, arg, value);
                }
            }
        }
        return b.build();
    }

    private static void option(SimulatorOptions.Builder b, String name, String value) {
        switch (name) {
            case "--port" -> b.port(Integer.parseInt(value));
            case "--host" -> b.host(value);
            case "--public-url" -> b.publicUrl(value);
            case "--users" -> b.users(Integer.parseInt(value));
            case "--seed" -> b.seed(Long.parseLong(value));
            case "--api-token" -> b.apiToken(value);
            case "--client-id" -> b.clientId(value);
            case "--client-secret" -> b.clientSecret(value);
            case "--password" -> b.password(value);
            case "--rate-limits" -> {
                if (!"okta".equals(value) && !"off".equals(value)) {
                    throw new IllegalArgumentException("--rate-limits is okta or off");
                }
                b.rateLimits("okta".equals(value));
            }
            case "--rate-limit" -> {
                String[] parts = value.split("=", 2);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("--rate-limit takes bucket=perMinute");
                }
                b.rateLimit(parts[0], Integer.parseInt(parts[1]));
            }
            case "--concurrency-limit" -> b.concurrencyLimit(Integer.parseInt(value));
            case "--client-share" -> b.clientShare(Double.parseDouble(value));
            case "--manager-ref" -> b.managerRef(ManagerRef.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_')));
            case "--redirect-uri" -> b.redirectUri(value);
            case "--post-logout-redirect-uri" -> b.postLogoutRedirectUri(value);
            case "--hook-batch-ms" -> b.hookBatchWindow(Duration.ofMillis(Long.parseLong(value)));
            case "--hook-timeout-ms" -> b.hookTimeout(Duration.ofMillis(Long.parseLong(value)));
            case "--assigned-share" -> b.assignedShare(Double.parseDouble(value));
            case "--inactive-share" -> b.inactiveShare(Double.parseDouble(value));
            case "--domain" -> b.domain(value);
            case "--app-label" -> b.appLabel(value);
            case "--code-lifetime-s" -> b.codeLifetime(Duration.ofSeconds(Long.parseLong(value)));
            case "--key-retention-s" -> b.keyRetention(Duration.ofSeconds(Long.parseLong(value)));
            default -> throw new IllegalArgumentException("unknown option " + name);
        }
    }

    static String usage() {
        return "usage: java -jar okta-simulator.jar [--port 0] [--users 200] [--seed 1] [--api-token T]"
                + " [--client-id C] [--client-secret S] [--password P] [--auto-login] [--rate-limits okta|off]"
                + " [--rate-limit bucket=N] [--concurrency-limit 75] [--client-share 1.0] [--manager-ref id|login|email|employee-number]"
                + " [--redirect-uri U]... [--post-logout-redirect-uri U]... [--hook-batch-ms 100]"
                + " [--hook-timeout-ms 3000] [--assigned-share 1.0] [--inactive-share 0] [--domain example.com] [--host 127.0.0.1]"
                + " [--public-url URL] [--require-pkce] [--code-lifetime-s 60] [--key-retention-s 3600]"
                + " [--app-label Roster]";
    }
}
