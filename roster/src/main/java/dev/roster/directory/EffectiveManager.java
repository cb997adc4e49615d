package dev.roster.directory;

import java.util.UUID;

/**
 * Who manages a person. The seed's rule: the manager override (from Okta, or set by hand) wins;
 * without one, the primary team's manager applies; otherwise nobody. A team's manager is not
 * their own manager, so a person never manages themselves.
 */
public final class EffectiveManager {

    private EffectiveManager() {
    }

    public static UUID of(UUID personId, UUID managerOverride, UUID primaryTeamManager) {
        if (managerOverride != null && !managerOverride.equals(personId)) {
            return managerOverride;
        }
        if (primaryTeamManager != null && !primaryTeamManager.equals(personId)) {
            return primaryTeamManager;
        }
        return null;
    }
}
