package dev.roster.cli;

import java.io.PrintWriter;
import java.util.Optional;

import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import picocli.CommandLine.Option;

/** {@code --account KEY}, shared by the commands that act on one account. */
final class AccountOption {

    @Option(names = { "-a", "--account" }, required = true, paramLabel = "KEY",
            description = "the account's key (as in /a/KEY/); `roster accounts` lists them")
    String key;

    /** The account, or empty after telling the operator there is none. */
    Optional<Account> find(Beans beans, PrintWriter err) {
        Optional<Account> account = beans.get(Accounts.class).byKey(key);
        if (account.isEmpty()) {
            err.println("roster: no account has the key '" + key + "' (roster accounts lists them)");
        }
        return account;
    }
}
