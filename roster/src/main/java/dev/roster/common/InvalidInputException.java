package dev.roster.common;

import java.util.Collection;
import java.util.List;

import jakarta.validation.ConstraintViolation;

/** Input that fails validation; carries one problem per field so forms and the API can name them. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::toString).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldProblem(field, message)));
    }

    /** The bean-validation violations of an input, one problem per violated field. */
    public static InvalidInputException of(Collection<? extends ConstraintViolation<?>> violations) {
        return new InvalidInputException(violations.stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList());
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One field's problem. */
    public record FieldProblem(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}
