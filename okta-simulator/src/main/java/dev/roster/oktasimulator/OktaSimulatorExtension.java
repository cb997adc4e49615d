package dev.roster.oktasimulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5: {@code @RegisterExtension static OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(...)}
 * starts one simulator for the class and stops it after; as an instance field, one per test. Test and
 * lifecycle methods may take an {@link OktaSimulator} parameter.
 */
public final class OktaSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final SimulatorOptions options;
    private OktaSimulator simulator;
    private boolean perClass;

    private OktaSimulatorExtension(SimulatorOptions options) {
        this.options = options;
    }

    public static OktaSimulatorExtension withOptions(SimulatorOptions options) {
        return new OktaSimulatorExtension(options);
    }

    public static OktaSimulatorExtension withDefaults() {
        return new OktaSimulatorExtension(SimulatorOptions.defaults());
    }

    /** The running simulator (null outside a test). */
    public OktaSimulator simulator() {
        return simulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        simulator = OktaSimulator.start(options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            simulator = OktaSimulator.start(options);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OktaSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (simulator == null) {
            simulator = OktaSimulator.start(options);
        }
        return simulator;
    }
}
