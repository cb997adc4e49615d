package dev.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Keeps docs/CONFIGURATION.md current: every property of every {@code @ConfigurationProperties}
 * record under {@code dev.roster} (nested records included) has a row there with its environment
 * variable and the code's default, and every row names a property that exists.
 */
class ConfigurationReferenceTests {

    private static final Pattern ROW = Pattern.compile("^\\| `(roster\\.[a-z0-9.-]+)` \\|.*$", Pattern.MULTILINE);

    /** One property as the code declares it. */
    record Property(String name, List<String> defaults) {

        String environmentVariable() {
            return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        }
    }

    static Map<String, Property> properties;
    static Map<String, String> rows;

    @BeforeAll
    static void read() throws IOException, ClassNotFoundException {
        properties = codeProperties();
        rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(Files.readString(reference()));
        while (m.find()) {
            rows.put(m.group(1), m.group());
        }
    }

    @Test
    void referenceWhenCodeHasPropertiesThenEachHasARowWithItsVariableAndDefault() {
        assertThat(properties).as("the scan found the modules' records").containsKeys("roster.web.public-url",
                "roster.access.bootstrap.api-token", "roster.sso.scopes", "roster.demo.okta-users");
        assertThat(properties.get("roster.sso.scopes").defaults()).containsExactly("openid", "profile", "email");
        List<String> problems = new ArrayList<>();
        properties.values().forEach(p -> {
            String row = rows.get(p.name());
            if (row == null) {
                problems.add(p.name() + ": no row in docs/CONFIGURATION.md");
                return;
            }
            if (!row.contains("`" + p.environmentVariable() + "`")) {
                problems.add(p.name() + ": the row does not name `" + p.environmentVariable() + "`");
            }
            if (!p.defaults().isEmpty() && !row.contains("`" + String.join(",", p.defaults()) + "`")) {
                problems.add(p.name() + ": the row does not give the default `" + String.join(",", p.defaults()) + "`");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void referenceWhenRowNamesAPropertyThenTheCodeHasIt() {
        assertThat(rows).isNotEmpty();
        assertThat(rows.keySet()).allSatisfy(name -> assertThat(properties).as("rows of docs/CONFIGURATION.md")
                .containsKey(name));
    }

    private static Map<String, Property> codeProperties() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Map<String, Property> found = new LinkedHashMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.roster")) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), ConfigurationReferenceTests.class.getClassLoader());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            assertThat(type.isRecord()).as(type + " is a record").isTrue();
            collect(prefix, type, found);
        }
        return found;
    }

    private static void collect(String prefix, Class<?> record, Map<String, Property> found) {
        RecordComponent[] components = record.getRecordComponents();
        // @DefaultValue sits on the canonical constructor's parameters, which the binder uses
        Parameter[] parameters = canonicalConstructor(record, components).getParameters();
        for (int i = 0; i < components.length; i++) {
            String name = prefix + "." + kebab(components[i].getName());
            if (components[i].getType().isRecord() && components[i].getType().getName().startsWith("dev.roster.")) {
                collect(name, components[i].getType(), found);
            } else {
                List<String> defaults = Optional.ofNullable(parameters[i].getAnnotation(DefaultValue.class))
                        .map(d -> List.of(d.value())).orElse(List.of());
                found.put(name, new Property(name, defaults));
            }
        }
    }

    private static Constructor<?> canonicalConstructor(Class<?> record, RecordComponent[] components) {
        try {
            return record.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record always has its canonical constructor", e);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** docs/CONFIGURATION.md, found from wherever the tests run (the module or the repository root). */
    private static Path reference() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/CONFIGURATION.md");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/CONFIGURATION.md not found above " + Path.of("").toAbsolutePath());
    }
}
