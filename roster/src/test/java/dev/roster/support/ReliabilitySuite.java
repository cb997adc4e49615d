package dev.roster.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A suite of the reliability campaign: tagged {@code reliability}, and every test method's outcome
 * (with a property's cases, seed and the class's figures) recorded for docs/RELIABILITY.md.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("reliability")
@ExtendWith(ReliabilityRecorder.class)
public @interface ReliabilitySuite {
}
