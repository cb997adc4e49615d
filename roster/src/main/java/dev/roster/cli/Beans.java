package dev.roster.cli;

import java.util.function.Supplier;

import org.springframework.context.ApplicationContext;

/**
 * Roster's services for a command, started on first use: help and usage errors answer at once,
 * without opening the database.
 */
final class Beans {

    private final Supplier<? extends ApplicationContext> start;
    private ApplicationContext context;

    Beans(Supplier<? extends ApplicationContext> start) {
        this.start = start;
    }

    <T> T get(Class<T> type) {
        if (context == null) {
            context = start.get();
        }
        return context.getBean(type);
    }
}
