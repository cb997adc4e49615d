package dev.roster.provisioning.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.roster.common.ApiProblems;
import dev.roster.provisioning.OktaUnavailableException;

/** Okta being unreachable or refusing Roster's credentials is a 502 for the caller, with the reason. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OktaProblems {

    @ExceptionHandler(OktaUnavailableException.class)
    ProblemDetail unavailable(OktaUnavailableException e) {
        return ApiProblems.problem(HttpStatus.BAD_GATEWAY, "Okta could not be asked", e.getMessage());
    }
}
