package org.tenantregistry.command.tenant;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A JSON value that does not fit its field, told as the client wrote it: the field's JSON path
 * ({@code branding.accent_color}) and what it must be in the API's words, never Java's.
 *
 * @param field   the JSON path of the value at fault
 * @param message what is wrong with it
 */
public record JsonFieldError(String field, String message) {

    /** Jackson's words for a key given twice in one object ({@code STRICT_DUPLICATE_DETECTION}); it has no type. */
    private static final String DUPLICATE_KEY = "Duplicate Object property";

    /** Empty when the error is about the document as a whole (syntax, nesting) rather than one field. */
    public static Optional<JsonFieldError> of(JacksonException e) {
        if (e instanceof StreamReadException read && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith(DUPLICATE_KEY)) {
            return duplicateKey(read);
        }
        if (!(e instanceof DatabindException || e instanceof InputCoercionException) || e.getPath().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JsonFieldError(pathOf(e), whatIsWrong(e)));
    }

    /** The parser stopped on the second copy of the key: its context is the path to that key. */
    private static Optional<JsonFieldError> duplicateKey(StreamReadException e) {
        JsonParser parser = e.processor();
        if (parser == null || parser.streamReadContext() == null) {
            return Optional.empty();
        }
        StringBuilder path = new StringBuilder();
        for (JsonPointer pointer = parser.streamReadContext().pathAsPointer(); !pointer.matches();
             pointer = pointer.tail()) {
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(pointer.getMatchingProperty());
        }
        return path.isEmpty() ? Optional.empty()
                : Optional.of(new JsonFieldError(path.toString(), "is given more than once"));
    }

    public Map<String, String> asErrors() {
        return Map.of(field, message);
    }

    private static String pathOf(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(reference.getPropertyName() != null ? reference.getPropertyName() : reference.getIndex());
        }
        return path.toString();
    }

    private static String whatIsWrong(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is unknown";
        }
        if (e instanceof InputCoercionException) {
            return "is out of range";
        }
        // The value types refuse bad input with an IllegalArgumentException that lists what is allowed.
        if (e.getCause() instanceof IllegalArgumentException refused && refused.getMessage() != null) {
            return refused.getMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + typeName(mismatch.getTargetType());
        }
        return "has an invalid value";
    }

    /** The JSON type a Java type is written as; public so that request parameters are described alike. */
    public static String typeName(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        return "a JSON object";
    }
}
