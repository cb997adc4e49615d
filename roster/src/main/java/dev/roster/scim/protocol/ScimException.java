package dev.roster.scim.protocol;

/**
 * A request SCIM refuses, with its RFC 7644 §3.12 status and {@code scimType}; the edge renders it
 * in the Error schema. Sealed: every refusal the protocol layer can make is one of these.
 */
public abstract sealed class ScimException extends RuntimeException {

    private final int status;
    private final String scimType;

    ScimException(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    public int status() {
        return status;
    }

    /** Null where RFC 7644 defines none for the status. */
    public String scimType() {
        return scimType;
    }

    public static final class InvalidFilter extends ScimException {
        public InvalidFilter(String detail) {
            super(400, "invalidFilter", detail);
        }
    }

    public static final class InvalidPath extends ScimException {
        public InvalidPath(String detail) {
            super(400, "invalidPath", detail);
        }
    }

    public static final class InvalidValue extends ScimException {
        public InvalidValue(String detail) {
            super(400, "invalidValue", detail);
        }
    }

    public static final class InvalidSyntax extends ScimException {
        public InvalidSyntax(String detail) {
            super(400, "invalidSyntax", detail);
        }
    }

    public static final class NoTarget extends ScimException {
        public NoTarget(String detail) {
            super(400, "noTarget", detail);
        }
    }

    public static final class Uniqueness extends ScimException {
        public Uniqueness(String detail) {
            super(409, "uniqueness", detail);
        }
    }

    public static final class NotFound extends ScimException {
        public NotFound(String detail) {
            super(404, null, detail);
        }
    }

    public static final class Unauthorized extends ScimException {
        public Unauthorized(String detail) {
            super(401, null, detail);
        }
    }

    public static final class PreconditionFailed extends ScimException {
        public PreconditionFailed(String detail) {
            super(412, null, detail);
        }
    }
}
