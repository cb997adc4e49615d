package dev.roster.scim.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** PATCH as the RFC writes it, and each client quirk Roster accepts (one test per quirk). */
class PatchTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static final String USER = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"p1","userName":"jane@acme.com",
             "name":{"givenName":"Jane","familyName":"Doe"},"active":true,
             "emails":[{"value":"jane@acme.com","type":"work","primary":true}]}""";

    private static final String GROUP = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g1","displayName":"Eng",
             "members":[{"value":"u1"},{"value":"u2"},{"value":"u3"}]}""";

    private static ObjectNode apply(String resource, String... operations) {
        return Patch.parse(JSON.readTree("{\"schemas\":[\"" + Patch.SCHEMA + "\"],\"Operations\":["
                + String.join(",", operations) + "]}")).apply((ObjectNode) JSON.readTree(resource));
    }

    private static JsonNode at(JsonNode node, String pointer) {
        return node.at(pointer);
    }

    @Test
    void applyWhenReplaceWithPathThenValueSet() {
        ObjectNode user = apply(USER, "{\"op\":\"replace\",\"path\":\"name.familyName\",\"value\":\"Smith\"}");
        assertThat(at(user, "/name/familyName").asString()).isEqualTo("Smith");
        assertThat(at(user, "/name/givenName").asString()).isEqualTo("Jane");
    }

    @Test
    void applyWhenOktaDeactivatesWithPathlessReplaceThenActiveFalse() {
        ObjectNode user = apply(USER, "{\"op\":\"replace\",\"value\":{\"active\":false}}");
        assertThat(user.get("active").booleanValue()).isFalse();
    }

    @Test
    void applyWhenEntraCapitalisedOpAndStringBooleanThenActiveFalse() {
        ObjectNode user = apply(USER, "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}");
        assertThat(user.get("active").isBoolean()).isTrue();
        assertThat(user.get("active").booleanValue()).isFalse();
    }

    @Test
    void applyWhenBooleanStringIsNotABooleanThenInvalidValue() {
        assertThatThrownBy(() -> apply(USER, "{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}"))
                .isInstanceOf(ScimException.InvalidValue.class);
    }

    @Test
    void applyWhenEntraPathlessReplaceWithDottedAndUrnKeysThenEachAttributeSet() {
        ObjectNode user = apply(USER, "{\"op\":\"Replace\",\"value\":{\"name.givenName\":\"Janet\",\""
                + ENTERPRISE + ":department\":\"Sales\"}}");
        assertThat(at(user, "/name/givenName").asString()).isEqualTo("Janet");
        assertThat(user.get(ENTERPRISE).get("department").asString()).isEqualTo("Sales");
    }

    @Test
    void applyWhenPathlessValueHoldsAnExtensionObjectThenMergedIntoTheExtension() {
        ObjectNode user = apply(USER, "{\"op\":\"add\",\"value\":{\"" + ENTERPRISE
                + "\":{\"department\":\"Research\",\"costCenter\":\"42\"}}}");
        assertThat(user.get(ENTERPRISE).get("department").asString()).isEqualTo("Research");
        assertThat(user.get(ENTERPRISE).get("costCenter").asString()).isEqualTo("42");
    }

    @Test
    void applyWhenEntraManagerIsAPlainStringThenStoredAsValueObject() {
        ObjectNode user = apply(USER, "{\"op\":\"Add\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":\"p9\"}");
        assertThat(user.get(ENTERPRISE).get("manager").get("value").asString()).isEqualTo("p9");
    }

    @Test
    void applyWhenFilteredPathWithSubAttributeThenOnlyMatchingValueChanged() {
        ObjectNode user = apply(USER, "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\","
                + "\"value\":\"j.doe@acme.com\"}");
        assertThat(at(user, "/emails/0/value").asString()).isEqualTo("j.doe@acme.com");
        assertThat(at(user, "/emails/0/primary").booleanValue()).isTrue();
    }

    @Test
    void applyWhenEntraAddsAFilteredValueThatDoesNotExistThenCreatedFromTheFilter() {
        ObjectNode user = apply(USER, "{\"op\":\"Add\",\"path\":\"addresses[type eq \\\"work\\\"].locality\","
                + "\"value\":\"Oslo\"}");
        assertThat(at(user, "/addresses/0/type").asString()).isEqualTo("work");
        assertThat(at(user, "/addresses/0/locality").asString()).isEqualTo("Oslo");
    }

    @Test
    void applyWhenOktaGroupPatchRenamesRemovesAndAddsInOneRequestThenAllApplied() {
        ObjectNode group = apply(GROUP,
                "{\"op\":\"replace\",\"value\":{\"id\":\"g1\",\"displayName\":\"Engineering\"}}",
                "{\"op\":\"remove\",\"path\":\"members[value eq \\\"u2\\\"]\"}",
                "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u4\",\"display\":\"Ann\"}]}");
        assertThat(group.get("displayName").asString()).isEqualTo("Engineering");
        assertThat(group.get("id").asString()).as("read-only id echoed, not changed").isEqualTo("g1");
        assertThat(group.get("members").findValuesAsString("value")).containsExactly("u1", "u3", "u4");
    }

    @Test
    void applyWhenOktaReplacesAllMembersThenExactlyTheNewList() {
        ObjectNode group = apply(GROUP, "{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"u9\"}]}");
        assertThat(group.get("members").findValuesAsString("value")).containsExactly("u9");
    }

    @Test
    void applyWhenEntraRemovesMembersWithAValueListThenOnlyThoseRemoved() {
        ObjectNode group = apply(GROUP, "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"},"
                + "{\"value\":\"U3\"}]}");
        assertThat(group.get("members").findValuesAsString("value")).containsExactly("u2");
    }

    @Test
    void applyWhenRemoveWithoutValueThenWholeAttributeRemoved() {
        ObjectNode group = apply(GROUP, "{\"op\":\"remove\",\"path\":\"members\"}");
        assertThat(group.has("members")).isFalse();
    }

    @Test
    void applyWhenAddingAMemberAlreadyPresentThenNotDoubled() {
        ObjectNode group = apply(GROUP, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"}]}");
        assertThat(group.get("members").findValuesAsString("value")).containsExactly("u1", "u2", "u3");
    }

    @Test
    void applyWhenAttributeNameInOtherCaseThenTheExistingAttributeChanged() {
        ObjectNode user = apply(USER, "{\"op\":\"replace\",\"path\":\"USERNAME\",\"value\":\"j@acme.com\"}");
        assertThat(user.get("userName").asString()).isEqualTo("j@acme.com");
        assertThat(user.has("USERNAME")).isFalse();
    }

    @Test
    void applyWhenOneOperationIsRefusedThenNothingApplied() {
        ObjectNode before = (ObjectNode) JSON.readTree(USER);
        Patch patch = Patch.parse(JSON.readTree("{\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\","
                + "\"value\":\"x@acme.com\"},{\"op\":\"replace\",\"path\":\"active\",\"value\":\"nope\"}]}"));
        assertThatThrownBy(() -> patch.apply(before)).isInstanceOf(ScimException.InvalidValue.class);
        assertThat(before.get("userName").asString()).isEqualTo("jane@acme.com");
    }

    @Test
    void parseWhenOpUnknownOrValueMissingOrRemoveWithoutPathThenRefused() {
        assertThatThrownBy(() -> apply(USER, "{\"op\":\"move\",\"path\":\"a\",\"value\":1}"))
                .isInstanceOf(ScimException.InvalidSyntax.class);
        assertThatThrownBy(() -> apply(USER, "{\"op\":\"add\",\"path\":\"title\"}"))
                .isInstanceOf(ScimException.InvalidValue.class);
        assertThatThrownBy(() -> apply(USER, "{\"op\":\"remove\"}")).isInstanceOf(ScimException.NoTarget.class);
        assertThatThrownBy(() -> apply(USER, "{\"op\":\"replace\",\"value\":\"not an object\"}"))
                .isInstanceOf(ScimException.InvalidValue.class);
        assertThatThrownBy(() -> Patch.parse(JSON.readTree("{\"Operations\":[]}")))
                .isInstanceOf(ScimException.InvalidSyntax.class);
    }
}
