/**
 * Shared building blocks every module may use: paging, the bad-input and not-found exceptions,
 * and the RFC 9457 problem-details edge of the JSON API.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.roster.common;

import org.springframework.modulith.ApplicationModule;
