package dev.roster.demo;

import static dev.roster.support.OktaFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.HtmlUtils;

import dev.roster.accounts.Accounts;
import dev.roster.accounts.Role;
import dev.roster.common.PageRequest;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.oktasimulator.Org;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.support.LiveServerTest;
import dev.roster.support.TestAccounts;

/**
 * The guided tour on the demo's home page, driven over HTTP like a browser: its people exist in the
 * simulated org, every link it shows answers, and its buttons change the user in Okta, from where
 * the change reaches Roster through the event hook.
 */
@TestPropertySource(properties = {"roster.demo.enabled=true", "roster.demo.okta-users=15"})
class DemoTourTests extends LiveServerTest {

    private static final Pattern TOUR = Pattern.compile("<section id=\"tour\".*?</section>", Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    DemoOkta okta;

    @Autowired
    DemoTour tour;

    @Autowired
    Accounts accountsService;

    @Autowired
    People people;

    Org org;

    @BeforeEach
    void orgSynced() {
        org = okta.simulator().org();
        // the tour links people's Roster pages once the first sync has brought them
        eventually(() -> person(tour.tour().orElseThrow().leaver().login()).isPresent()
                && person(tour.tour().orElseThrow().mover().login()).isPresent());
    }

    @Test
    void homeWhenDemoThenTourShowsRealPeopleAndTheValuesToUse() throws Exception {
        String html = tourSection(new Browser().get("/").body());
        DemoTour.Tour shown = tour.tour().orElseThrow();

        for (DemoTour.Person p : List.of(shown.employee(), shown.mover(), shown.leaver())) {
            OktaUser user = org.user(p.login());
            assertThat(user).as(p.login()).isNotNull();
            assertThat(html).contains(HtmlUtils.htmlEscape(user.displayName()));
        }
        assertThat(html).contains("<code>" + shown.employee().login() + "</code>")
                .contains("<code>okta-demo</code>")
                .contains("<code>owner@demo.example</code>").contains("<code>roster-demo</code>")
                .contains("in Okta.").contains("Sync users")
                .contains("<code>costCenter</code>")
                .contains("<code>" + org.user(shown.employee().login()).profile().string("costCenter") + "</code>");
        assertThat(org.user(shown.mover().login()).profile().string("department"))
                .isNotEqualTo(shown.moverTarget());
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void homeWhenDemoThenEveryTourLinkAnswersForTheSignedInAdmin() throws Exception {
        Browser admin = new Browser().signInAsAdmin();
        String html = tourSection(admin.get("/").body());
        List<String> links = hrefs(html);
        assertThat(links).hasSizeGreaterThanOrEqualTo(12);
        for (String link : links) {
            HttpResponse<String> answer = admin.get(link);
            assertThat(answer.statusCode()).as(link).isEqualTo(200);
            if (!link.endsWith("/sign-in")) {
                assertThat(answer.uri().getPath()).as(link + " must not end on a sign-in page").doesNotEndWith("/sign-in");
            }
        }
        DemoTour.Tour shown = tour.tour().orElseThrow();
        assertThat(admin.get(shown.employeeSignIn()).body()).as("Okta's form has the username filled in")
                .contains("value=\"" + shown.employee().login() + "\"");
        assertThat(admin.get(shown.mappingPreview()).body()).contains(
                org.user(shown.employee().login()).profile().string("costCenter"));
        assertThat(admin.get(shown.mover().rosterPath()).body()).contains(HtmlUtils.htmlEscape(
                org.user(shown.mover().login()).profile().string("lastName")));
    }

    @Test
    void moveWhenAdminClicksThenOktaHasTheNewDepartmentAndRosterTheNewTeam() throws Exception {
        Browser admin = new Browser().signInAsAdmin();
        DemoTour.Tour before = tour.tour().orElseThrow();
        String target = before.moverTarget();

        HttpResponse<String> answer = admin.post("/a/demo/demo/tour/move", admin.csrfOf("/"));

        assertThat(answer.uri().getPath()).isEqualTo("/");
        assertThat(tourSection(answer.body())).contains("Done: Okta now has")
                .contains(">" + HtmlUtils.htmlEscape(target) + "</strong> in Okta.");
        assertThat(org.user(before.mover().login()).profile().string("department")).isEqualTo(target);
        eventually(() -> person(before.mover().login()).map(PersonView::primaryTeam).filter(target::equals)
                .isPresent());
    }

    @Test
    void leaverWhenAdminClicksTwiceThenDeactivatedThenActiveAgainInOktaAndRoster() throws Exception {
        Browser admin = new Browser().signInAsAdmin();
        String login = tour.tour().orElseThrow().leaver().login();

        admin.post("/a/demo/demo/tour/leaver", admin.csrfOf("/"));
        assertThat(org.user(login).status()).isEqualTo("DEPROVISIONED");
        eventually(() -> person(login).map(p -> p.person().status() == PersonStatus.DEACTIVATED).orElse(false));
        assertThat(tourSection(admin.get("/").body())).contains("Reactivate");

        admin.post("/a/demo/demo/tour/leaver", admin.csrfOf("/"));
        assertThat(org.user(login).status()).isEqualTo("ACTIVE");
        eventually(() -> person(login).map(p -> p.person().status() != PersonStatus.DEACTIVATED).orElse(false));
    }

    @Test
    void leaverWhenSuspendedInOktaThenTheButtonUnsuspendsThem() throws Exception {
        Browser admin = new Browser().signInAsAdmin();
        String login = tour.tour().orElseThrow().leaver().login();
        org.lifecycle(login, "suspend");
        assertThat(tourSection(admin.get("/").body())).contains("Reactivate");

        HttpResponse<String> answer = admin.post("/a/demo/demo/tour/leaver", admin.csrfOf("/"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(org.user(login).status()).isEqualTo("ACTIVE");
    }

    @Test
    void homeWhenATourPersonIsDeletedInOktaThenTheTourPicksSomeoneElse() throws Exception {
        String deleted = tour.tour().orElseThrow().leaver().login();
        org.deleteUser(deleted);
        org.deleteUser(deleted);
        assertThat(org.user(deleted)).isNull();

        HttpResponse<String> home = new Browser().get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        DemoTour.Person leaver = tour.tour().orElseThrow().leaver();
        assertThat(leaver.login()).isNotEqualTo(deleted);
        assertThat(tourSection(home.body())).contains(HtmlUtils.htmlEscape(leaver.name()));
    }

    @Test
    void tourActionWhenSignedOutThenSignInPageAndOktaUnchanged() throws Exception {
        Browser anonymous = new Browser();
        String login = tour.tour().orElseThrow().mover().login();
        String department = org.user(login).profile().string("department");

        HttpResponse<String> answer = anonymous.post("/a/demo/demo/tour/move", anonymous.csrfOf("/"));

        assertThat(answer.uri().getPath()).isEqualTo("/a/demo/sign-in");
        assertThat(org.user(login).profile().string("department")).isEqualTo(department);
    }

    @Test
    void tourActionWhenEmployeeThenForbiddenAndOktaUnchanged() throws Exception {
        Browser employee = new Browser();
        var demo = accountsService.byKey("demo").orElseThrow();
        accounts.person(demo, "member@demo.example", Role.MEMBER);
        employee.signIn("member@demo.example", TestAccounts.PASSWORD);
        String login = tour.tour().orElseThrow().leaver().login();
        String status = org.user(login).status();

        HttpResponse<String> answer = employee.post("/a/demo/demo/tour/leaver", employee.csrfOf("/"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(org.user(login).status()).isEqualTo(status);
    }

    private Optional<PersonView> person(String oktaLogin) {
        var account = accountsService.byKey("demo").orElseThrow();
        return people.search(account.id(), new PeopleQuery(null, null, null, null, org.user(oktaLogin).id()),
                PageRequest.of(0, 1)).items().stream().findFirst();
    }

    private static String tourSection(String page) {
        Matcher m = TOUR.matcher(page);
        assertThat(m.find()).as("the page has the tour").isTrue();
        return m.group();
    }

    private static List<String> hrefs(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            links.add(HtmlUtils.htmlUnescape(m.group(1)));
        }
        return links;
    }

    /** A browser's cookie jar and redirects, over Roster's real port. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The CSRF token of the first form on the page, as a form field. */
        Map<String, String> csrfOf(String path) throws IOException, InterruptedException {
            Matcher m = CSRF.matcher(get(path).body());
            assertThat(m.find()).as("a CSRF token on " + path).isTrue();
            return Map.of("_csrf", m.group(1));
        }

        Browser signIn(String email, String password) throws IOException, InterruptedException {
            Map<String, String> form = new HashMap<>(csrfOf("/a/demo/sign-in"));
            form.putAll(Map.of("account", "demo", "email", email, "password", password));
            assertThat(post("/sign-in", form).uri().getPath()).isEqualTo("/a/demo/people");
            return this;
        }

        Browser signInAsAdmin() throws IOException, InterruptedException {
            return signIn("owner@demo.example", "roster-demo");
        }

        private URI uri(String pathOrUrl) {
            return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl() + pathOrUrl);
        }
    }
}
