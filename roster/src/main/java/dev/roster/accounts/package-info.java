/**
 * Accounts: the tenants. Each customer account has a key used in URLs and owns every row of
 * people data; {@link dev.roster.accounts.AccountContext} is the account a request acts in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts",
        allowedDependencies = {"common"})
package dev.roster.accounts;
