package dev.roster.sso;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.roster.sso.internal.TargetLinks;

class TargetLinksTests {

    @ParameterizedTest
    @ValueSource(strings = {"/a/acme/people", "/a/acme/people/3f1c?tab=teams#top", "/", "/a/acme/teams?q=%2F%2Fx"})
    void safeWhenPathOfThisSiteThenTrue(String target) {
        assertThat(TargetLinks.safe(target)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.com", "//evil.com/a", "https://evil.example/", "http:/evil", "/\\evil.com",
            "\\/evil.com", "evil.com", "a/acme/people", "javascript:alert(1)", "/a\r\nLocation: https://evil",
            "/a\tb", " /a", "", "/a/\u007f"})
    void safeWhenItCouldLeaveTheSiteThenFalse(String target) {
        assertThat(TargetLinks.safe(target)).isFalse();
    }
}
