package dev.roster.common;

/**
 * Something that does not exist for the caller. Another account's ids end here too: answering
 * 404 rather than 403 keeps their existence secret.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
