package dev.roster.oktasimulator;

import java.util.Set;

/** Okta's allowed lifecycle transitions and the errors it gives for the others. */
final class Lifecycle {
    private Lifecycle() {
    }

    static String next(OktaUser user, String operation) {
        String status = user.status();
        switch (operation) {
            case "activate" -> {
                if ("ACTIVE".equals(status)) {
                    throw new OktaApiException(403, "E0000016", "Activation failed because the user is already active");
                }
                if (!Set.of("STAGED", "DEPROVISIONED", "PROVISIONED").contains(status)) {
                    throw notAllowed();
                }
                // As in Okta: a user without a password waits for the activation email as PROVISIONED.
                return user.passwordChangedMillis() != 0 ? "ACTIVE" : "PROVISIONED";
            }
            case "reactivate" -> {
                if (!Set.of("PROVISIONED", "RECOVERY").contains(status)) {
                    throw notAllowed();
                }
                // Okta re-sends the activation email; the simulator lets the user finish at once.
                return "ACTIVE";
            }
            case "deactivate" -> {
                if ("DEPROVISIONED".equals(status)) {
                    throw OktaApiException.validation("status", "status: The user is already deactivated");
                }
                return "DEPROVISIONED";
            }
            case "suspend" -> {
                if (!"ACTIVE".equals(status)) {
                    throw OktaApiException.validation("Cannot suspend a user that is not active",
                            "Cannot suspend a user that is not active");
                }
                return "SUSPENDED";
            }
            case "unsuspend" -> {
                if (!"SUSPENDED".equals(status)) {
                    throw OktaApiException.validation("Cannot unsuspend a user that is not suspended",
                            "Cannot unsuspend a user that is not suspended");
                }
                return "ACTIVE";
            }
            case "expire_password" -> {
                if (!Set.of("ACTIVE", "PASSWORD_EXPIRED").contains(status)) {
                    throw notAllowed();
                }
                return "PASSWORD_EXPIRED";
            }
            case "reset_password" -> {
                if (!Set.of("ACTIVE", "PASSWORD_EXPIRED", "LOCKED_OUT", "RECOVERY").contains(status)) {
                    throw notAllowed();
                }
                return "RECOVERY";
            }
            case "unlock" -> {
                if (!"LOCKED_OUT".equals(status)) {
                    throw new OktaApiException(400, "E0000032", "Unlock is not allowed for this user.");
                }
                return "ACTIVE";
            }
            case "lock" -> {
                // Not an Okta endpoint: Okta locks a user after failed sign-ins; the Java API and admin page may too.
                if (!"ACTIVE".equals(status)) {
                    throw notAllowed();
                }
                return "LOCKED_OUT";
            }
            default -> throw OktaApiException.notFound(operation, "Operation");
        }
    }

    /** The HTTP lifecycle operations Okta offers (lock is simulator-only). */
    static final Set<String> HTTP_OPERATIONS = Set.of("activate", "deactivate", "reactivate", "suspend", "unsuspend",
            "expire_password", "reset_password", "unlock");

    /** System Log event types; only the user.lifecycle.* ones can reach a hook. */
    static String eventType(String operation) {
        return switch (operation) {
            case "lock" -> "user.account.lock";
            case "unlock" -> "user.account.unlock_by_admin";
            case "reset_password" -> "user.account.reset_password";
            case "expire_password" -> "user.account.expire_password";
            default -> "user.lifecycle." + operation;
        };
    }

    static boolean httpOperation(String operation) {
        return HTTP_OPERATIONS.contains(operation);
    }

    private static OktaApiException notAllowed() {
        return new OktaApiException(403, "E0000038", "This operation is not allowed in the user's current status.");
    }
}
