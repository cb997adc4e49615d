package dev.roster.provisioning.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import dev.roster.provisioning.ConnectionCheck;

/**
 * One result of "Test connection" as the Okta page shows it after its redirect: a flash attribute,
 * so it travels through the (JDBC, serialised) session once.
 */
record CheckShown(String name, boolean ok, String detail, String fix) implements Serializable {

    static ArrayList<CheckShown> of(List<ConnectionCheck.Check> checks) {
        ArrayList<CheckShown> shown = new ArrayList<>();
        checks.forEach(c -> shown.add(new CheckShown(c.name(), c.ok(), c.detail(), c.fix())));
        return shown;
    }
}
