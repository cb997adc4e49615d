package dev.roster.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every exit status a command returns, in one place; the usage text and {@code docs/CLI.md} list them. */
enum ExitCode {

    OK(0, "done: every check passed, the run (or dry run) succeeded"),
    FAILED(1, "a check failed, the run failed, Okta could not be listed, or Roster could not start"),
    USAGE(2, "unknown command or option, or a missing or malformed argument"),
    UNKNOWN_ACCOUNT(3, "no account has this key"),
    HELD(4, "the deprovisioning threshold held the run (or would hold it, for a dry run)"),
    NOT_READY(5, "no Okta connection, no API credentials, or provisioning switched off"),
    BUSY(6, "another run of this account is queued or running");

    final int code;
    final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** For picocli's usage help: status → meaning. */
    static Map<String, String> usageList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode exit : values()) {
            list.put(String.format("%2d", exit.code), exit.meaning);
        }
        return list;
    }
}
