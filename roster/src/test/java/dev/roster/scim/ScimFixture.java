package dev.roster.scim;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import dev.roster.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An account with SCIM switched on through the JSON API, and one of its SCIM tokens. */
record ScimFixture(TestAccounts.TestAccount account, String token) {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final MediaType SCIM = MediaType.parseMediaType("application/scim+json");

    static ScimFixture enabled(MockMvc mvc, TestAccounts accounts) throws Exception {
        TestAccounts.TestAccount account = accounts.create();
        mvc.perform(put(account.api("/scim")).header("Authorization", "Bearer " + account.token())
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":true}"));
        String body = mvc.perform(post(account.api("/scim/tokens")).header("Authorization", "Bearer " + account.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Okta\"}"))
                .andReturn().getResponse().getContentAsString();
        return new ScimFixture(account, JSON.readTree(body).get("token").asString());
    }

    String path(String path) {
        return "/scim/v2/" + account.key() + path;
    }

    MockHttpServletRequestBuilder request(org.springframework.http.HttpMethod method, String path, String body) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, path(path))
                .header("Authorization", "Bearer " + token);
        return body == null ? request : request.contentType(SCIM).content(body);
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
