package dev.roster.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;

import dev.roster.support.IntegrationTest;

/** Outside demo mode the home page is the plain account chooser: no tour, no demo links. */
class HomeWithoutDemoTests extends IntegrationTest {

    @Test
    void homeWhenNotDemoThenNoTour() throws Exception {
        String page = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Your account").doesNotContain("Guided tour").doesNotContain("id=\"tour\"")
                .doesNotContain("tour.css").doesNotContain("/demo/");
    }
}
