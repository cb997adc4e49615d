package dev.roster.oktasimulator.internal;

/** A user's membership of the app: scope USER (direct) or GROUP (through an assigned group). */
public record AppAssignment(String scope, long created, long lastUpdated) {
}
