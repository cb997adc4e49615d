package dev.roster.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import dev.roster.access.Endpoints.Door;
import dev.roster.access.Endpoints.Endpoint;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts;

/**
 * Every state-changing request that a browser session can make needs the session's CSRF token, and
 * every form Roster renders carries it. The API and the hook take no cookies at all: a signed-in
 * browser cannot be made to call them.
 */
class CsrfTests extends IntegrationTest {

    @RegisterExtension
    static OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(3).rateLimits(false).build());

    /** Handled by Spring Security's filters, not by a handler mapping, so the discovery cannot see them. */
    private static final List<Endpoint> FILTER_ENDPOINTS = List.of(
            new Endpoint(org.springframework.http.HttpMethod.POST, "/sign-in"),
            new Endpoint(org.springframework.http.HttpMethod.POST, "/sign-out"));

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Autowired
    ApplicationContext context;

    @Test
    void everyStateChangingBrowserEndpointWhenNoOrForgedCsrfTokenThenForbiddenAndNothingChanges() throws Exception {
        SweptAccount account = SweptAccount.create(context, okta.simulator());
        MockHttpSession session = signIn(account);
        Map<String, String> variables = new HashMap<>(account.variables());
        variables.put("token", "an-invitation-token");
        String before = account.snapshot();
        List<Endpoint> checked = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        for (Endpoint e : browserEndpoints()) {
            if (!e.changesState()) {
                continue;
            }
            checked.add(e);
            for (boolean forged : List.of(false, true)) {
                MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(e.method(), e.expand(variables))
                        .session(session).param("account", account.key()).param("name", "Csrf")
                        .param("email", account.account().owner().person().email())
                        .param("password", TestAccounts.PASSWORD);
                if (forged) {
                    request.with(csrf().useInvalidToken());
                }
                softly.assertThat(mvc.perform(request).andReturn().getResponse().getStatus())
                        .as("%s %s CSRF token", e, forged ? "with a forged" : "without a").isEqualTo(403);
            }
        }
        softly.assertAll();
        assertThat(checked).as("state-changing page endpoints checked").hasSizeGreaterThan(15)
                .contains(FILTER_ENDPOINTS.toArray(Endpoint[]::new));
        assertThat(account.snapshot()).as("the account after the requests without a token").isEqualTo(before);
        assertThat(mvc.perform(get(account.account().page("/people")).session(session)).andReturn().getResponse()
                .getStatus()).as("still signed in: sign-out without a token did nothing").isEqualTo(200);
    }

    @Test
    void everyRenderedPageWhenItHasAPostFormThenTheFormCarriesTheCsrfToken() throws Exception {
        SweptAccount account = SweptAccount.create(context, okta.simulator());
        MockHttpSession session = signIn(account);
        SoftAssertions softly = new SoftAssertions();
        int forms = 0;
        List<String> pages = new ArrayList<>(List.of("/", "/a/" + account.key() + "/sign-in"));
        for (Endpoint e : Endpoints.through(Endpoints.discover(context), Door.PAGE)) {
            if (!e.changesState()) {
                pages.add(e.expand(account.variables()));
            }
        }
        for (String path : pages) {
            MockHttpServletResponse response = mvc.perform(get(path).session(session)).andReturn().getResponse();
            if (response.getContentType() == null || !response.getContentType().startsWith("text/html")) {
                continue;
            }
            for (Element form : Jsoup.parse(response.getContentAsString()).select("form")) {
                if (form.attr("method").equalsIgnoreCase("post")) {
                    forms++;
                    softly.assertThat(form.select("input[type=hidden][name=_csrf]").attr("value"))
                            .as("the CSRF token of the form to %s on %s", form.attr("action"), path).isNotBlank();
                }
            }
        }
        softly.assertAll();
        assertThat(forms).as("post forms seen").isGreaterThan(10);
    }

    /** Thymeleaf adds the token to a form only through {@code th:action}; a plain {@code action} would go without. */
    @Test
    void everyTemplateWhenItHasAPostFormThenItsActionIsThymeleafs() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        int forms = 0;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Document template = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "", Parser.xmlParser());
                for (Element form : template.select("form")) {
                    String method = form.hasAttr("th:method") ? form.attr("th:method") : form.attr("method");
                    if (method.equalsIgnoreCase("post")) {
                        forms++;
                        softly.assertThat(form.hasAttr("th:action")).as("a post form in %s without th:action", file)
                                .isTrue();
                    }
                }
            }
        }
        softly.assertAll();
        assertThat(forms).as("post forms in the templates").isGreaterThan(10);
    }

    @Test
    void apiAndHookWhenOnlyASignedInSessionCookieThenUnauthorizedAndNothingChanges() throws Exception {
        SweptAccount account = SweptAccount.create(context, okta.simulator());
        MockHttpSession session = signIn(account);
        String before = account.snapshot();
        SoftAssertions softly = new SoftAssertions();
        List<Endpoint> endpoints = Endpoints.discover(context).stream()
                .filter(e -> e.door() == Door.API || e.door() == Door.SCIM || e.door() == Door.HOOK && e.changesState())
                .toList();
        for (Endpoint e : endpoints) {
            for (boolean withToken : List.of(false, true)) {
                MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(e.method(),
                        e.expand(account.variables())).session(session).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Csrf\",\"email\":\"csrf@csrf.example\"}");
                if (withToken) {
                    request.with(csrf());
                }
                MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                softly.assertThat(response.getStatus()).as("%s with the session cookie only%s", e,
                        withToken ? " and its CSRF token" : "").isEqualTo(401);
                for (String marker : account.markers()) {
                    softly.assertThat(response.getContentAsString()).as("%s with the session cookie", e)
                            .doesNotContain(marker);
                }
            }
        }
        softly.assertAll();
        assertThat(endpoints).as("API and hook endpoints checked").hasSizeGreaterThan(20);
        assertThat(account.snapshot()).as("the account after the cookie-only requests").isEqualTo(before);
    }

    /** Browser-facing endpoints: pages, public pages and the filters' own, everything but the API and the hook. */
    private List<Endpoint> browserEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>(FILTER_ENDPOINTS);
        Endpoints.discover(context).stream().filter(e -> e.door() == Door.PAGE || e.door() == Door.PUBLIC)
                .filter(e -> !e.pattern().equals("/error")).forEach(endpoints::add);
        return endpoints;
    }

    private MockHttpSession signIn(SweptAccount account) throws Exception {
        MockHttpSession session = new MockHttpSession();
        int status = mvc.perform(post("/sign-in").session(session).with(csrf()).param("account", account.key())
                        .param("email", account.account().owner().person().email())
                        .param("password", TestAccounts.PASSWORD))
                .andReturn().getResponse().getStatus();
        assertThat(status).as("signed in").isEqualTo(302);
        return session;
    }
}
