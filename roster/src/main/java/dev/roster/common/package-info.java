/**
 * Shared building blocks every module may use: paging, the bad-input and not-found exceptions,
 * the RFC 9457 problem-details edge of the JSON API, the clock, and Roster's look-ups in the job
 * queue ({@link dev.roster.common.JobQueue}, the one home of SQL on db-scheduler's table).
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, allowedDependencies = {})
package dev.roster.common;

import org.springframework.modulith.ApplicationModule;
