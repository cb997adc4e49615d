package dev.roster;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules keep to their public APIs and depend on each other without cycles. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(RosterApplication.class);

    @Test
    void verifyWhenModulesAnalysedThenNoViolations() {
        modules.verify();
    }

    @Test
    void documentWhenModulesAnalysedThenWritesModuleCanvases() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
