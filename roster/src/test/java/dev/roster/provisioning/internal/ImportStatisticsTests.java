package dev.roster.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.roster.support.IntegrationTest;

class ImportStatisticsTests extends IntegrationTest {

    @Autowired
    ImportStatistics statistics;

    @Test
    void refreshWhenCalledThenTheDatabaseAcceptsItsDialectsAnalyze() {
        assertThatCode(statistics::refresh).doesNotThrowAnyException();
    }
}
