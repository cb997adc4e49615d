package dev.roster.scim.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.roster.scim.protocol.Filter.And;
import dev.roster.scim.protocol.Filter.Compare;
import dev.roster.scim.protocol.Filter.Not;
import dev.roster.scim.protocol.Filter.Operator;
import dev.roster.scim.protocol.Filter.Or;
import dev.roster.scim.protocol.Filter.Present;
import dev.roster.scim.protocol.Filter.ValuePath;

class FilterParserTests {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Test
    void parseWhenOktaUserNameFilterThenCompareEq() {
        assertThat(FilterParser.parse("userName eq \"jane@acme.com\""))
                .isEqualTo(new Compare(new AttributePath(null, "userName", null), Operator.EQ, "jane@acme.com"));
    }

    @Test
    void parseWhenOperatorsAndKeywordsInAnyCaseThenSameFilter() {
        assertThat(FilterParser.parse("userName Eq \"x\" AND active EQ TRUE"))
                .isEqualTo(FilterParser.parse("userName eq \"x\" and active eq true"));
    }

    @Test
    void parseWhenAndOrMixedThenAndBindsTighter() {
        Filter f = FilterParser.parse("a eq 1 or b eq 2 and c eq 3");
        assertThat(f).isInstanceOf(Or.class);
        assertThat(((Or) f).right()).isInstanceOf(And.class);
    }

    @Test
    void parseWhenParenthesesThenGroupingWins() {
        Filter f = FilterParser.parse("(a eq 1 or b eq 2) and c eq 3");
        assertThat(f).isInstanceOf(And.class);
        assertThat(((And) f).left()).isInstanceOf(Or.class);
    }

    @Test
    void parseWhenNotThenWrapsTheGroup() {
        assertThat(FilterParser.parse("not (title pr)"))
                .isEqualTo(new Not(new Present(new AttributePath(null, "title", null))));
    }

    @Test
    void parseWhenValuePathThenFilterInsideBrackets() {
        Filter f = FilterParser.parse("emails[type eq \"work\" and value co \"@acme.com\"]");
        assertThat(f).isInstanceOf(ValuePath.class);
        assertThat(((ValuePath) f).path().attribute()).isEqualTo("emails");
        assertThat(((ValuePath) f).filter()).isInstanceOf(And.class);
    }

    @Test
    void parseWhenExtensionUrnThenSchemaKeptAndAttributeAfterLastColon() {
        Compare c = (Compare) FilterParser.parse(ENTERPRISE + ":manager.value eq \"26118915\"");
        assertThat(c.path()).isEqualTo(new AttributePath(ENTERPRISE, "manager", "value"));
    }

    @Test
    void parseWhenValuesOfEachTypeThenTyped() {
        assertThat(((Compare) FilterParser.parse("a eq false")).value()).isEqualTo(false);
        assertThat(((Compare) FilterParser.parse("a eq null")).value()).isNull();
        assertThat(((Compare) FilterParser.parse("a gt 2.5")).value()).isEqualTo(new BigDecimal("2.5"));
        assertThat(((Compare) FilterParser.parse("meta.lastModified gt \"2011-05-13T04:42:34Z\"")).operator())
                .isEqualTo(Operator.GT);
    }

    @Test
    void parseWhenStringHasEscapesThenUnescaped() {
        assertThat(((Compare) FilterParser.parse("displayName eq \"a \\\"quoted\\\" \\u00e9\"")).value())
                .isEqualTo("a \"quoted\" é");
    }

    @ParameterizedTest
    @ValueSource(strings = {"userName", "userName eq", "userName xx \"a\"", "userName eq \"open", "(a eq 1",
            "a eq 1)", "a eq 1 and", "not a eq 1", "emails[type eq \"work\"", "a eq bare", "1abc eq 1",
            "a eq 1 b eq 2", "userName eq \"x\" or 1=1", "\\"})
    void parseWhenMalformedThenInvalidFilter(String filter) {
        assertThatThrownBy(() -> FilterParser.parse(filter)).isInstanceOf(ScimException.InvalidFilter.class)
                .satisfies(e -> assertThat(((ScimException) e).status()).isEqualTo(400));
    }

    @Test
    void parseWhenNestedBeyondTheCapThenInvalidFilterNotStackOverflow() {
        String deep = "(".repeat(10_000) + "a eq 1" + ")".repeat(10_000);
        assertThatThrownBy(() -> FilterParser.parse(deep)).isInstanceOf(ScimException.InvalidFilter.class);
        String nested = "(".repeat(20) + "a eq 1" + ")".repeat(20);
        assertThat(FilterParser.parse(nested)).isInstanceOf(Compare.class);
    }

    @Test
    void parsePathWhenFilteredWithSubAttributeThenAllThreeParts() {
        PatchPath p = FilterParser.parsePath("emails[type eq \"work\"].value");
        assertThat(p.attribute().attribute()).isEqualTo("emails");
        assertThat(p.valueFilter()).isEqualTo(new Compare(new AttributePath(null, "type", null), Operator.EQ, "work"));
        assertThat(p.subAttribute()).isEqualTo("value");
    }

    @Test
    void parsePathWhenOktaMemberRemovalThenMembersFilteredByValue() {
        PatchPath p = FilterParser.parsePath("members[value eq \"00u1\"]");
        assertThat(p.attribute().attribute()).isEqualTo("members");
        assertThat(p.subAttribute()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "emails[type eq \"work\"", "emails[type eq]", "emails[type eq \"w\"]x", "9lives",
            "http://x:y"})
    void parsePathWhenMalformedThenInvalidPath(String path) {
        assertThatThrownBy(() -> FilterParser.parsePath(path)).isInstanceOf(ScimException.InvalidPath.class);
    }
}
