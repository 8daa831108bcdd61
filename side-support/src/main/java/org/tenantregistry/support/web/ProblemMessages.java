package org.tenantregistry.support.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one problem-details convention of both sides: RFC 9457's members, plus what Laravel-style clients (seeds 000
 * and 001) read from every error answer: {@code message}, and for invalid fields {@code errors} with an array of
 * sentences per field ({@code {"name": ["The name field is required."]}}).
 */
public final class ProblemMessages {

    /** Laravel's message for a 422. */
    public static final String INVALID_DATA = "The given data was invalid.";

    private ProblemMessages() {
    }

    /** Sets {@code message}, unless already set: the fixed sentence of a 422, otherwise the detail or the title. */
    public static ProblemDetail withMessage(ProblemDetail problem) {
        if (problem.getProperties() == null || !problem.getProperties().containsKey("message")) {
            String message = problem.getStatus() == HttpStatus.UNPROCESSABLE_CONTENT.value() ? INVALID_DATA
                    : problem.getDetail() != null ? problem.getDetail() : problem.getTitle();
            problem.setProperty("message", message);
        }
        return problem;
    }

    /** Sets {@code errors}, each field's rule told as a sentence about the field, in the fields' order. */
    public static ProblemDetail withErrors(ProblemDetail problem, Map<String, String> rulesBroken) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        rulesBroken.forEach((field, rule) -> errors.put(field, List.of(sentence(field, rule))));
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * {@code ("country_code", "is invalid")} as {@code "The country code field is invalid."}, as Laravel words it;
     * a rule that already is a sentence about the field stays as it is.
     */
    static String sentence(String field, String rule) {
        String text = rule.strip();
        if (text.startsWith("The ")) {
            return text;
        }
        String attribute = field.replace('_', ' ').toLowerCase(Locale.ROOT);
        return "The " + attribute + " field " + text + (text.endsWith(".") ? "" : ".");
    }
}
