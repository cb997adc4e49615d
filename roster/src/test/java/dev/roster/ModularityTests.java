package dev.roster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The modules keep to their public APIs and depend on each other without cycles, and only on the
 * modules their {@code package-info.java} allows: every module declares its allowed dependencies,
 * and declares no more than it uses, so the declarations are the module map.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(RosterApplication.class);

    @Test
    void verifyWhenModulesAnalysedThenNoViolations() {
        modules.verify();
    }

    @Test
    void packageInfoWhenEveryModuleThenAllowedDependenciesDeclaredAndEachUsed() throws Exception {
        for (String name : rosterModules()) {
            ApplicationModule declaration = Class.forName("dev.roster." + name + ".package-info")
                    .getAnnotation(ApplicationModule.class);
            assertThat(declaration).as("%s has an @ApplicationModule package-info", name).isNotNull();
            List<String> allowed = Arrays.asList(declaration.allowedDependencies());
            assertThat(allowed).as("%s declares its allowed dependencies", name)
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
            Set<String> used = modules.getModuleByName(name).orElseThrow().getDirectDependencies(modules)
                    .uniqueModules().map(m -> m.getName()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(new TreeSet<>(allowed)).as("%s allows exactly the modules it uses", name)
                    .isEqualTo(used);
        }
    }

    @Test
    void controllersWhenDeclaredThenNotPublic() throws IOException {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().notBePublic()
                .because("a module's pages and endpoints are reached over HTTP, never as Java API")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(rosterModules().stream().map(m -> "dev.roster." + m).toArray(String[]::new)));
    }

    /**
     * docs/ARCHITECTURE.md's module table is checked against the code, so it cannot drift: each row's
     * dependencies are the module's allowed ones, its tables those {@link TableOwnershipTests} gives
     * it, its API every public type of its root package.
     */
    @Test
    void architectureDocWhenModuleTableThenMatchesTheCode() throws Exception {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("../docs/ARCHITECTURE.md"))) {
            Matcher row = DOC_ROW.matcher(line);
            if (row.matches()) {
                rows.put(row.group(1), List.of(row.group(2), row.group(3), row.group(4)));
            }
        }
        assertThat(rows.keySet()).as("one row per module").containsExactlyElementsOf(rosterModules());
        for (String name : rosterModules()) {
            List<String> row = rows.get(name);
            String[] allowed = Class.forName("dev.roster." + name + ".package-info")
                    .getAnnotation(ApplicationModule.class).allowedDependencies();
            assertThat(words(row.get(0))).as("%s depends on", name).isEqualTo(new TreeSet<>(Arrays.asList(allowed)));
            Set<String> owned = new TreeSet<>();
            TableOwnershipTests.OWNERS.forEach((table, owner) -> {
                if (owner.equals(name)) {
                    owned.add(table);
                }
            });
            assertThat(backticked(row.get(1)).stream().filter(t -> !t.contains(".")).toList())
                    .as("%s owns the tables", name).containsExactlyInAnyOrderElementsOf(owned);
            assertThat(backticked(row.get(2))).as("%s public API", name)
                    .containsExactlyInAnyOrderElementsOf(publicTypes(name));
        }
    }

    @Test
    void documentWhenModulesAnalysedThenWritesModuleCanvases() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    private static final Pattern DOC_ROW = Pattern.compile("\\| `([a-z]+)` \\| ([^|]*) \\| ([^|]*) \\| ([^|]*) \\|");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:final |abstract |sealed |non-sealed )*(?:class|record|interface|enum|@interface) (\\w+)",
            Pattern.MULTILINE);

    private static Set<String> words(String cell) {
        return cell.strip().equals("—") ? Set.of()
                : Arrays.stream(cell.split(",")).map(String::strip).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> backticked(String cell) {
        return Pattern.compile("`([^`]+)`").matcher(cell).results().map(m -> m.group(1)).toList();
    }

    private static List<String> publicTypes(String module) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/roster", module))) {
            return files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    return PUBLIC_TYPE.matcher(Files.readString(f)).results().map(m -> m.group(1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /** The modules in Roster's own sources (the simulator on the test class path is not one). */
    private static List<String> rosterModules() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("src/main/java/dev/roster"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }
}
