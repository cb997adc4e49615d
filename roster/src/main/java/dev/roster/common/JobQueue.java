package dev.roster.common;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Roster's own look-ups in the job queue, db-scheduler's {@code scheduled_tasks} table: its one home,
 * so that modules queueing jobs ask here rather than each naming the library's table.
 */
@Component
public class JobQueue {

    private final JdbcClient jdbc;

    JobQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Of these instances of a task, those on the queue (waiting, retrying or running). */
    public Set<String> queued(String taskName, Collection<String> instanceIds) {
        if (instanceIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT task_instance FROM scheduled_tasks WHERE task_name = :task"
                        + " AND task_instance IN (:ids)")
                .param("task", taskName).param("ids", instanceIds).query(String.class).list());
    }

    /** How many instances of a task whose id starts with {@code prefix} are on the queue. */
    public int countQueued(String taskName, String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance LIKE ?")
                .params(taskName, prefix + "%").query(Integer.class).single();
    }
}
