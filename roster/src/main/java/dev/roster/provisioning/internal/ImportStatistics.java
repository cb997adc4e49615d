package dev.roster.provisioning.internal;

import org.springframework.stereotype.Component;

import dev.roster.common.TableStatistics;
import dev.roster.directory.DirectorySync;

/**
 * Refreshes the planner's statistics of the tables a large import grows: the directory's people
 * (asked of the directory, their owner) and provisioning's links.
 */
@Component
class ImportStatistics {

    private final DirectorySync directory;
    private final TableStatistics tables;

    ImportStatistics(DirectorySync directory, TableStatistics tables) {
        this.directory = directory;
        this.tables = tables;
    }

    void refresh() {
        directory.refreshStatistics();
        tables.refresh("okta_link");
    }
}
