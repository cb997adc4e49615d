package dev.roster.oktasimulator;

import dev.roster.oktasimulator.gen.OrgGenerator.ManagerRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything that can be set when starting a simulator; see the README for each knob. Immutable. */
public final class SimulatorOptions {
    final String host;
    final int port;
    final String publicUrl;
    final int users;
    final long seed;
    final String apiToken;
    final String clientId;
    final String clientSecret;
    final String password;
    final boolean autoLogin;
    final boolean rateLimits;
    final Map<String, Integer> rateLimitOverrides;
    final int concurrencyLimit;
    final double clientShare;
    final ManagerRef managerRef;
    final List<String> redirectUris;
    final List<String> postLogoutRedirectUris;
    final Duration hookBatchWindow;
    final Duration hookTimeout;
    final double assignedShare;
    final double inactiveShare;
    final String domain;
    final boolean requirePkce;
    final Duration codeLifetime;
    final Duration keyRetention;
    final String appLabel;

    private SimulatorOptions(Builder b) {
        host = b.host;
        port = b.port;
        publicUrl = b.publicUrl;
        users = b.users;
        seed = b.seed;
        apiToken = b.apiToken;
        clientId = b.clientId;
        clientSecret = b.clientSecret;
        password = b.password;
        autoLogin = b.autoLogin;
        rateLimits = b.rateLimits;
        rateLimitOverrides = Map.copyOf(b.rateLimitOverrides);
        concurrencyLimit = b.concurrencyLimit;
        clientShare = b.clientShare;
        managerRef = b.managerRef;
        redirectUris = List.copyOf(b.redirectUris);
        postLogoutRedirectUris = List.copyOf(b.postLogoutRedirectUris);
        hookBatchWindow = b.hookBatchWindow;
        hookTimeout = b.hookTimeout;
        assignedShare = b.assignedShare;
        inactiveShare = b.inactiveShare;
        domain = b.domain;
        requirePkce = b.requirePkce;
        codeLifetime = b.codeLifetime;
        keyRetention = b.keyRetention;
        appLabel = b.appLabel;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SimulatorOptions defaults() {
        return builder().build();
    }

    public int users() {
        return users;
    }

    public long seed() {
        return seed;
    }

    public boolean rateLimits() {
        return rateLimits;
    }

    public boolean autoLogin() {
        return autoLogin;
    }

    /** Builder; defaults: random free port on 127.0.0.1, 200 users, seed 1, Okta's rate limits on. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String publicUrl;
        private int users = 200;
        private long seed = 1;
        private String apiToken;
        private String clientId;
        private String clientSecret;
        private String password;
        private boolean autoLogin;
        private boolean rateLimits = true;
        private final Map<String, Integer> rateLimitOverrides = new LinkedHashMap<>();
        private int concurrencyLimit = 75;
        private double clientShare = 1.0;
        private ManagerRef managerRef = ManagerRef.ID;
        private final List<String> redirectUris = new ArrayList<>();
        private final List<String> postLogoutRedirectUris = new ArrayList<>();
        private Duration hookBatchWindow = Duration.ofMillis(100);
        private Duration hookTimeout = Duration.ofSeconds(3);
        private double assignedShare = 1.0;
        private double inactiveShare;
        private String domain = "example.com";
        private boolean requirePkce;
        private Duration codeLifetime = Duration.ofSeconds(60);
        private Duration keyRetention = Duration.ofHours(1);
        private String appLabel = "Roster";

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** 0 = a random free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The orgUrl to advertise when clients reach the simulator through another address. */
        public Builder publicUrl(String publicUrl) {
            this.publicUrl = publicUrl;
            return this;
        }

        public Builder users(int users) {
            this.users = users;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder apiToken(String apiToken) {
            this.apiToken = apiToken;
            return this;
        }

        /** The OIDC app's client id, which is also its app id (0oa...). */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /** The password every user signs in with. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** authorize signs in the user named by login_hint without showing the form. */
        public Builder autoLogin(boolean autoLogin) {
            this.autoLogin = autoLogin;
            return this;
        }

        /** false = headers still sent, but no 429 and no concurrency cap. */
        public Builder rateLimits(boolean rateLimits) {
            this.rateLimits = rateLimits;
            return this;
        }

        /** Per-minute limit of one bucket (apps, users.get, users.list, users.write, groups, ...). */
        public Builder rateLimit(String bucket, int perMinute) {
            this.rateLimitOverrides.put(bucket, perMinute);
            return this;
        }

        public Builder concurrencyLimit(int concurrencyLimit) {
            this.concurrencyLimit = concurrencyLimit;
            return this;
        }

        /** Share of each bucket one API token or service app may use (Okta: 0.5); 1.0 = no per-client cap. */
        public Builder clientShare(double clientShare) {
            this.clientShare = clientShare;
            return this;
        }

        public Builder managerRef(ManagerRef managerRef) {
            this.managerRef = managerRef;
            return this;
        }

        /** Registers a redirect URI; once any is registered, authorize accepts only exact matches. */
        public Builder redirectUri(String uri) {
            this.redirectUris.add(uri);
            return this;
        }

        public Builder postLogoutRedirectUri(String uri) {
            this.postLogoutRedirectUris.add(uri);
            return this;
        }

        public Builder hookBatchWindow(Duration window) {
            this.hookBatchWindow = window;
            return this;
        }

        public Builder hookTimeout(Duration timeout) {
            this.hookTimeout = timeout;
            return this;
        }

        /** Share of generated users assigned to the app (default 1.0 = all). */
        public Builder assignedShare(double share) {
            this.assignedShare = share;
            return this;
        }

        /**
         * Share of generated users (never the first, the CEO) given another Okta status than ACTIVE:
         * mostly DEPROVISIONED, some SUSPENDED, a few STAGED, PROVISIONED, LOCKED_OUT, PASSWORD_EXPIRED, RECOVERY.
         */
        public Builder inactiveShare(double share) {
            this.inactiveShare = share;
            return this;
        }

        /** Email domain of generated users. */
        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        public Builder requirePkce(boolean requirePkce) {
            this.requirePkce = requirePkce;
            return this;
        }

        public Builder codeLifetime(Duration codeLifetime) {
            this.codeLifetime = codeLifetime;
            return this;
        }

        /** How long a rotated-out signing key stays published. */
        public Builder keyRetention(Duration keyRetention) {
            this.keyRetention = keyRetention;
            return this;
        }

        public Builder appLabel(String appLabel) {
            this.appLabel = appLabel;
            return this;
        }

        public SimulatorOptions build() {
            return new SimulatorOptions(this);
        }
    }
}
