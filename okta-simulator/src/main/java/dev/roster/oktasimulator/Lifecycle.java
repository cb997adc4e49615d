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
            default -> throw OktaApiException.notFound(operation, "Operation");
        }
    }

    static String eventType(String operation) {
        return "user.lifecycle." + operation;
    }

    private static OktaApiException notAllowed() {
        return new OktaApiException(403, "E0000038", "This operation is not allowed in the user's current status.");
    }
}
