package dev.roster.scim.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.roster.common.BodySizeLimitFilter;
import dev.roster.common.InvalidInputException;
import dev.roster.scim.protocol.ScimException;
import tools.jackson.databind.JsonNode;

/**
 * Every refusal at the SCIM edge in SCIM's Error schema, never a 5xx for bad input. First in line,
 * so that the JSON API's problem-details advice never answers for a SCIM endpoint.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {ScimUsersController.class, ScimGroupsController.class,
        ScimDiscoveryController.class})
class ScimErrors {

    private static final Logger log = LoggerFactory.getLogger(ScimErrors.class);

    @ExceptionHandler(ScimException.class)
    ResponseEntity<JsonNode> scim(ScimException e) {
        return ScimResponses.error(e);
    }

    /** Two requests racing for the same userName or email: the loser's transaction hit the unique index. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<JsonNode> duplicate(DuplicateKeyException e) {
        log.debug("SCIM uniqueness conflict", e);
        return ScimResponses.error(409, "uniqueness", "another user of this account has that userName or email");
    }

    /** The directory's own refusals (a member who is not a person of the account, a team name). */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<JsonNode> invalid(InvalidInputException e) {
        return ScimResponses.error(400, "invalidValue", e.getMessage());
    }

    /** A body cut off at the size cap while it was read (a chunked upload past the limit). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<JsonNode> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.BodyTooLargeException) {
                return ScimResponses.error(413, null, "the body is too large");
            }
        }
        return ScimResponses.error(400, "invalidSyntax", "the body could not be read");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<JsonNode> badId(MethodArgumentTypeMismatchException e) {
        return ScimResponses.error(404, null, "no resource with id " + e.getValue());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<JsonNode> method(HttpRequestMethodNotSupportedException e) {
        return ScimResponses.error(405, null, e.getMethod() + " is not supported here");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<JsonNode> header(MissingRequestHeaderException e) {
        return ScimResponses.error(401, null, "send the account's SCIM token as 'Authorization: Bearer <token>'");
    }
}
