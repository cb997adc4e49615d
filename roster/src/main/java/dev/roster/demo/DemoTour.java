package dev.roster.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import dev.roster.accounts.Accounts;
import dev.roster.common.NotFoundException;
import dev.roster.common.PageRequest;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.PersonView;
import dev.roster.oktasimulator.Org;
import dev.roster.oktasimulator.OktaUser;

/**
 * The guided tour on the demo's home page. Its people are picked from the simulated org once it
 * exists; what the page says about them (department, status) is read live from the simulator, so
 * the steps stay true after each click. The one-click actions change the user in the simulated Okta
 * org, never in Roster: the change reaches Roster through the real event hook.
 */
@Component
@ConditionalOnProperty(name = "roster.demo.enabled", havingValue = "true")
public class DemoTour {

    /** The custom field the demo seeds, and the Okta attribute the mapping step picks for it. */
    static final String MAPPING_FIELD = "Cost centre";
    static final String MAPPING_ATTRIBUTE = "costCenter";

    private final DemoProperties properties;
    private final DemoOkta okta;
    private final Accounts accounts;
    private final People people;
    private volatile Cast cast;

    DemoTour(DemoProperties properties, DemoOkta okta, Accounts accounts, People people) {
        this.properties = properties;
        this.okta = okta;
        this.accounts = accounts;
        this.people = people;
    }

    /** The Okta ids of the tour's people: who signs in, who moves department, who leaves. */
    record Cast(String employee, String mover, String leaver) {

        /** Active people when there are any; null (no tour) for an empty org. */
        static Cast pick(List<OktaUser> users) {
            List<OktaUser> active = users.stream().filter(u -> "ACTIVE".equals(u.status())).toList();
            List<OktaUser> candidates = active.isEmpty() ? users : active;
            if (candidates.isEmpty()) {
                return null;
            }
            // three different people wherever the org has three; a tiny org repeats them
            return new Cast(candidates.get(0).id(), candidates.get(Math.min(1, candidates.size() - 1)).id(),
                    candidates.get(candidates.size() - 1).id());
        }
    }

    /** One person of the tour, as Okta has them now, with where to see them in Okta and in Roster. */
    public record Person(String name, String login, String email, String status, String department,
            String oktaAdminUrl, String rosterPath) {

        public boolean active() {
            return "ACTIVE".equals(status);
        }

        /** Gone as Roster sees it: deactivated or suspended in Okta; the tour's button brings them back. */
        public boolean gone() {
            return "DEPROVISIONED".equals(status) || "SUSPENDED".equals(status);
        }
    }

    /** Everything the tour shows; built per request. */
    public record Tour(String accountKey, int orgSize, String oktaAdminUrl, String oktaPassword, String adminEmail,
            String adminPassword, Person employee, String employeeSignIn, Person mover, String moverTarget,
            Person leaver, String mappingField, String mappingAttribute, String mappingValue, String mappingPreview) {
    }

    @EventListener
    @Order(5)
    void ready(ApplicationReadyEvent event) {
        cast = Cast.pick(okta.simulator().org().users());
    }

    /** The tour as it stands, or empty until the simulated org is up. */
    public Optional<Tour> tour() {
        Cast picked = castStillInOrg();
        if (picked == null) {
            return Optional.empty();
        }
        Org org = okta.simulator().org();
        String key = properties.account();
        Person employee = person(org.user(picked.employee()));
        Person mover = person(org.user(picked.mover()));
        Person leaver = person(org.user(picked.leaver()));
        String preview = UriComponentsBuilder.fromPath("/a/{key}/okta/mapping")
                .queryParam("previewEmail", employee.email()).buildAndExpand(key).encode().toUriString();
        String signIn = UriComponentsBuilder.fromPath("/sso/okta/{key}/start")
                .queryParam("login_hint", employee.login()).buildAndExpand(key).encode().toUriString();
        return Optional.of(new Tour(key, org.size(), okta.simulator().adminUrl(), okta.simulator().password(),
                properties.ownerEmail(), properties.ownerPassword(), employee, signIn, mover,
                nextDepartment(org, mover.department()), leaver, MAPPING_FIELD, MAPPING_ATTRIBUTE,
                attribute(org.user(picked.employee()), MAPPING_ATTRIBUTE), preview));
    }

    /** Moves the tour's mover to the next department, in Okta. */
    public void moveDepartment(String accountKey) {
        Cast picked = castFor(accountKey);
        Org org = okta.simulator().org();
        String current = attribute(org.user(picked.mover()), "department");
        org.updateProfile(picked.mover(), Map.of("department", nextDepartment(org, current)));
    }

    /** Deactivates the tour's leaver in Okta, or brings them back when they are gone (deactivated or suspended). */
    public void toggleLeaver(String accountKey) {
        Cast picked = castFor(accountKey);
        Org org = okta.simulator().org();
        String status = org.user(picked.leaver()).status();
        org.lifecycle(picked.leaver(), switch (status) {
            case "DEPROVISIONED" -> "activate";
            case "SUSPENDED" -> "unsuspend";
            default -> "deactivate";
        });
    }

    /** The cast, picked again should someone delete one of its people on the simulator's admin page. */
    private Cast castStillInOrg() {
        Cast picked = cast;
        if (picked == null) {
            return null;
        }
        Org org = okta.simulator().org();
        if (Stream.of(picked.employee(), picked.mover(), picked.leaver()).anyMatch(id -> org.user(id) == null)) {
            picked = Cast.pick(org.users());
            cast = picked;
        }
        return picked;
    }

    private Cast castFor(String accountKey) {
        Cast picked = castStillInOrg();
        if (picked == null || !properties.account().equals(accountKey)) {
            throw new NotFoundException("The guided tour belongs to the demo account.");
        }
        return picked;
    }

    /** The department after this one in alphabetical order, wrapping round: every click moves somewhere. */
    private static String nextDepartment(Org org, String current) {
        TreeSet<String> departments = new TreeSet<>();
        org.users().forEach(u -> {
            String d = attribute(u, "department");
            if (d != null && !d.isBlank()) {
                departments.add(d);
            }
        });
        String next = current == null ? null : departments.higher(current);
        return next != null ? next : departments.isEmpty() ? "Sales" : departments.first();
    }

    /** A profile attribute as text; read through {@link Map}, the simulator's profile type being internal to it. */
    private static String attribute(OktaUser user, String name) {
        Map<String, Object> profile = user.profile();
        Object value = profile.get(name);
        return value == null ? null : value.toString();
    }

    private Person person(OktaUser user) {
        String email = user.email();
        return new Person(user.displayName(), user.login(), email, user.status(),
                attribute(user, "department"), okta.simulator().adminUrl() + "/users/" + user.id(),
                rosterPath(user.id(), email));
    }

    /** The person's page once the sync has brought them, else a search that finds them when it has. */
    private String rosterPath(String oktaId, String email) {
        String key = properties.account();
        return accounts.byKey(key)
                .flatMap(account -> people.search(account.id(), new PeopleQuery(null, null, null, null, oktaId),
                        PageRequest.of(0, 1)).items().stream().findFirst())
                .map(PersonView::id)
                .map(id -> "/a/" + key + "/people/" + id)
                .orElseGet(() -> UriComponentsBuilder.fromPath("/a/{key}/people").queryParam("q", email)
                        .buildAndExpand(key).encode().toUriString());
    }
}
