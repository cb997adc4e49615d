package dev.roster.oktasimulator;

import dev.roster.oktasimulator.internal.AppAssignment;
import dev.roster.oktasimulator.internal.ChangeContext;
import dev.roster.oktasimulator.internal.Group;
import dev.roster.oktasimulator.internal.OrgEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * App assignments and group memberships of an {@link Org}: who is an app user, with which scope (USER wins
 * over GROUP), and the application/group membership events. Runs under the org's lock.
 */
final class Memberships {
    private final Org org;

    Memberships(Org org) {
        this.org = org;
    }

    AppAssignment assign(String userIdOrLogin, ChangeContext ctx) {
        OktaUser user;
        boolean added;
        AppAssignment result;
        org.lock.writeLock().lock();
        try {
            user = org.requireUser(userIdOrLogin);
            added = !org.app().users.containsKey(user.id());
            org.app().directUsers.add(user.id());
            refreshAppUser(user.id());
            result = org.app().users.get(user.id());
        } finally {
            org.lock.writeLock().unlock();
        }
        if (added) {
            org.emit("application.user_membership.add", user, ctx);
        }
        return result;
    }

    void unassign(String userIdOrLogin, ChangeContext ctx) {
        OktaUser user;
        boolean removed;
        org.lock.writeLock().lock();
        try {
            user = org.requireUser(userIdOrLogin);
            if (!org.app().users.containsKey(user.id())) {
                throw OktaApiException.notFound(user.id(), "AppUser");
            }
            org.app().directUsers.remove(user.id());
            refreshAppUser(user.id());
            removed = !org.app().users.containsKey(user.id());
        } finally {
            org.lock.writeLock().unlock();
        }
        if (removed) {
            org.emit("application.user_membership.remove", user, ctx);
        }
    }

    void changeMembership(String groupId, String userIdOrLogin, boolean add, ChangeContext ctx) {
        OktaUser user;
        Group group;
        boolean changed;
        boolean wasAppUser;
        boolean isAppUser;
        org.lock.writeLock().lock();
        try {
            group = org.requireGroup(groupId);
            user = org.requireUser(userIdOrLogin);
            if ("BUILT_IN".equals(group.type)) {
                throw new OktaApiException(403, "E0000006",
                        "You do not have permission to perform the requested action");
            }
            changed = add ? group.members.add(user.id()) : group.members.remove(user.id());
            if (changed) {
                group.lastMembershipUpdated = org.clock.millis();
            }
            wasAppUser = org.app().users.containsKey(user.id());
            refreshAppUser(user.id());
            isAppUser = org.app().users.containsKey(user.id());
        } finally {
            org.lock.writeLock().unlock();
        }
        if (changed) {
            org.events.accept(new OrgEvent(add ? "group.user_membership.add" : "group.user_membership.remove", user,
                    group.id, group.name, ctx, org.clock.millis()));
        }
        appMembershipEvent(user, wasAppUser, isAppUser, ctx);
    }

    void changeAppGroup(String groupId, boolean assign, ChangeContext ctx) {
        List<OktaUser> added = new ArrayList<>();
        List<OktaUser> removed = new ArrayList<>();
        org.lock.writeLock().lock();
        try {
            Group group = org.requireGroup(groupId);
            if (assign ? !org.app().groups.add(groupId) : !org.app().groups.remove(groupId)) {
                return;
            }
            for (String member : group.members) {
                boolean was = org.app().users.containsKey(member);
                refreshAppUser(member);
                boolean is = org.app().users.containsKey(member);
                if (!was && is) {
                    added.add(org.userById(member));
                } else if (was && !is) {
                    removed.add(org.userById(member));
                }
            }
        } finally {
            org.lock.writeLock().unlock();
        }
        added.forEach(u -> org.emit("application.user_membership.add", u, ctx));
        removed.forEach(u -> org.emit("application.user_membership.remove", u, ctx));
    }

    private void appMembershipEvent(OktaUser user, boolean was, boolean is, ChangeContext ctx) {
        if (!was && is) {
            org.emit("application.user_membership.add", user, ctx);
        } else if (was && !is) {
            org.emit("application.user_membership.remove", user, ctx);
        }
    }

    /** Direct assignment wins (scope USER); else membership of an assigned group (scope GROUP). */
    private void refreshAppUser(String userId) {
        String scope = null;
        if (org.app().directUsers.contains(userId)) {
            scope = "USER";
        } else {
            for (String groupId : org.app().groups) {
                Group group = org.groups.get(groupId);
                if (group != null && group.members.contains(userId)) {
                    scope = "GROUP";
                    break;
                }
            }
        }
        AppAssignment current = org.app().users.get(userId);
        long now = org.clock.millis();
        if (scope == null) {
            org.app().users.remove(userId);
        } else if (current == null) {
            org.app().users.put(userId, new AppAssignment(scope, now, now));
        } else if (!current.scope().equals(scope)) {
            org.app().users.put(userId, new AppAssignment(scope, current.created(), now));
        }
    }
}
