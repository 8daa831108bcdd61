package org.tenantregistry.command.resource;

import org.tenantregistry.command.tenant.InvalidTenantException;
import org.tenantregistry.command.tenant.TextRules;
import org.tenantregistry.events.DidRegistered;
import org.tenantregistry.events.DidReleased;
import org.tenantregistry.events.ExtensionRegistered;
import org.tenantregistry.events.ExtensionReleased;
import org.tenantregistry.events.MemberStatus;
import org.tenantregistry.events.QueueRegistered;
import org.tenantregistry.events.QueueReleased;
import org.tenantregistry.events.RateRegistered;
import org.tenantregistry.events.RateReleased;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.UserAdded;
import org.tenantregistry.events.UserRemoved;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The attributes each kind of resource has, checked all at once (every broken rule in one 422), and how the resource
 * events read back as {@link Registration}s.
 */
final class ResourceRules {

    static final List<String> QUEUE_STRATEGIES =
            List.of("ringall", "roundrobin", "leastrecent", "fewestcalls", "random", "linear");

    private static final Pattern EXTENSION_NUMBER = Pattern.compile("[0-9]{1,10}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern PREFIX = Pattern.compile("[0-9]{1,15}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int MAX_LINE = 255;
    private static final int MAX_EMAIL = 254;
    private static final int MAX_PRICE_SCALE = 6;

    private static final Map<ResourceKind, Set<String>> ATTRIBUTES = Map.of(
            ResourceKind.EXTENSIONS, Set.of("number", "name"),
            ResourceKind.DIDS, Set.of("number"),
            ResourceKind.QUEUES, Set.of("name", "strategy"),
            ResourceKind.RATES, Set.of("prefix", "price", "currency"),
            ResourceKind.USERS, Set.of("email", "status"));

    /**
     * A registered resource as its event tells it.
     *
     * @param keyField   the attribute unique within the tenant
     * @param key        its value, normalised for comparison
     * @param attributes JSON names to values, as the API shows them
     */
    record Registration(UUID resourceId, ResourceKind kind, String keyField, String key,
                        Map<String, Object> attributes) {
    }

    private ResourceRules() {
    }

    /** @throws InvalidTenantException naming every attribute that is missing, unknown or invalid */
    static TenantEvent registration(UUID tenantId, UUID resourceId, ResourceKind kind, Map<String, Object> attributes) {
        Attributes in = new Attributes(kind, attributes == null ? Map.of() : attributes);
        TenantEvent event = switch (kind) {
            case EXTENSIONS -> new ExtensionRegistered(tenantId, resourceId,
                    in.digits("number", EXTENSION_NUMBER, "must be 1 to 10 digits"), in.line("name", false));
            case DIDS -> new DidRegistered(tenantId, resourceId,
                    in.digits("number", E164, "must be in E.164 format, such as +4930123456"));
            case QUEUES -> new QueueRegistered(tenantId, resourceId, in.line("name", true), in.strategy());
            case RATES -> new RateRegistered(tenantId, resourceId,
                    in.digits("prefix", PREFIX, "must be 1 to 15 digits"), in.price(), in.currency());
            case USERS -> new UserAdded(tenantId, resourceId, in.email(), in.memberStatus());
        };
        in.throwIfAny();
        return event;
    }

    static TenantEvent release(UUID tenantId, ResourceKind kind, UUID resourceId) {
        return switch (kind) {
            case EXTENSIONS -> new ExtensionReleased(tenantId, resourceId);
            case DIDS -> new DidReleased(tenantId, resourceId);
            case QUEUES -> new QueueReleased(tenantId, resourceId);
            case RATES -> new RateReleased(tenantId, resourceId);
            case USERS -> new UserRemoved(tenantId, resourceId);
        };
    }

    /** Empty for an event that registers nothing. */
    static Optional<Registration> registered(TenantEvent event) {
        Registration registration = null;
        if (event instanceof ExtensionRegistered e) {
            registration = new Registration(e.resourceId(), ResourceKind.EXTENSIONS, "number", e.number(),
                    attributes("number", e.number(), "name", e.name()));
        } else if (event instanceof DidRegistered e) {
            registration = new Registration(e.resourceId(), ResourceKind.DIDS, "number", e.number(),
                    attributes("number", e.number()));
        } else if (event instanceof QueueRegistered e) {
            registration = new Registration(e.resourceId(), ResourceKind.QUEUES, "name",
                    e.name().toLowerCase(Locale.ROOT), attributes("name", e.name(), "strategy", e.strategy()));
        } else if (event instanceof RateRegistered e) {
            registration = new Registration(e.resourceId(), ResourceKind.RATES, "prefix", e.prefix(),
                    attributes("prefix", e.prefix(), "price", e.price(), "currency", e.currency()));
        } else if (event instanceof UserAdded e) {
            registration = new Registration(e.resourceId(), ResourceKind.USERS, "email", e.email(),
                    attributes("email", e.email(), "status", e.status().code()));
        }
        return Optional.ofNullable(registration);
    }

    /** The id of the resource an event releases; empty for an event that releases nothing. */
    static Optional<UUID> released(TenantEvent event) {
        UUID resourceId = null;
        if (event instanceof ExtensionReleased e) {
            resourceId = e.resourceId();
        } else if (event instanceof DidReleased e) {
            resourceId = e.resourceId();
        } else if (event instanceof QueueReleased e) {
            resourceId = e.resourceId();
        } else if (event instanceof RateReleased e) {
            resourceId = e.resourceId();
        } else if (event instanceof UserRemoved e) {
            resourceId = e.resourceId();
        }
        return Optional.ofNullable(resourceId);
    }

    /** Name-value pairs in order; values may be null. */
    private static Map<String, Object> attributes(Object... namesAndValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return attributes;
    }

    /** The attributes of one request, and what is wrong with them. */
    private static final class Attributes {

        private final Map<String, Object> values;
        private final Map<String, String> errors = new LinkedHashMap<>();

        Attributes(ResourceKind kind, Map<String, Object> values) {
            this.values = values;
            values.keySet().stream().filter(name -> !ATTRIBUTES.get(kind).contains(name)).forEach(name ->
                    errors.put(name, "is not an attribute of " + kind.pathName() + "; known are "
                            + ATTRIBUTES.get(kind).stream().sorted().toList()));
        }

        /** A string of digits (or a leading {@code +}); a JSON integer is taken as its digits. */
        String digits(String name, Pattern pattern, String rule) {
            Object value = values.get(name);
            String text = value instanceof Integer || value instanceof Long || value instanceof BigInteger
                    ? value.toString() : value instanceof String s ? s.strip() : null;
            if (value == null) {
                errors.put(name, "is required");
            } else if (text == null || !pattern.matcher(text).matches()) {
                errors.put(name, rule);
            }
            return text;
        }

        String line(String name, boolean required) {
            Object value = values.get(name);
            if (value == null) {
                if (required) {
                    errors.put(name, "is required");
                }
                return null;
            }
            if (!(value instanceof String s)) {
                errors.put(name, "must be a string");
                return null;
            }
            String text = s.strip();
            String problem = TextRules.problemWithLine(text);
            if (text.isEmpty()) {
                errors.put(name, required ? "is required" : "must not be blank");
            } else if (problem != null) {
                errors.put(name, problem);
            } else if (text.length() > MAX_LINE) {
                errors.put(name, "must be at most " + MAX_LINE + " characters");
            }
            return text;
        }

        /** Ring all is what a PBX does with a queue that names no strategy. */
        String strategy() {
            Object value = values.get("strategy");
            if (value == null) {
                return "ringall";
            }
            String strategy = value instanceof String s ? s.strip().toLowerCase(Locale.ROOT) : null;
            if (!QUEUE_STRATEGIES.contains(strategy)) {
                errors.put("strategy", "must be one of " + QUEUE_STRATEGIES);
            }
            return strategy;
        }

        /** A JSON number or a numeric string, so that clients can send prices without binary rounding. */
        BigDecimal price() {
            Object value = values.get("price");
            if (value == null) {
                errors.put("price", "is required");
                return null;
            }
            BigDecimal price = null;
            if (value instanceof Number || value instanceof String) {
                try {
                    price = new BigDecimal(value.toString().strip()).stripTrailingZeros();
                } catch (NumberFormatException e) {
                    price = null;
                }
            }
            if (price == null || price.signum() < 0 || price.scale() > MAX_PRICE_SCALE || price.precision() > 18) {
                errors.put("price", "must be a decimal number of at least 0, with at most " + MAX_PRICE_SCALE
                        + " decimal places");
                return null;
            }
            return price.scale() < 0 ? price.setScale(0) : price;
        }

        String currency() {
            Object value = values.get("currency");
            if (value == null) {
                errors.put("currency", "is required");
                return null;
            }
            String code = value instanceof String s ? s.strip().toUpperCase(Locale.ROOT) : "";
            if (!isCurrency(code)) {
                errors.put("currency", "must be an ISO 4217 currency code such as EUR");
            }
            return code;
        }

        String email() {
            Object value = values.get("email");
            String email = value instanceof String s ? s.strip().toLowerCase(Locale.ROOT) : null;
            if (value == null) {
                errors.put("email", "is required");
            } else if (email == null || email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
                errors.put("email", "must be an email address such as jane@example.com");
            }
            return email;
        }

        /** A new member is active unless the request says otherwise. */
        MemberStatus memberStatus() {
            Object value = values.get("status");
            if (value == null) {
                return MemberStatus.ACTIVE;
            }
            if (value instanceof Integer code && code >= 0 && code <= 2) {
                return MemberStatus.fromCode(code);
            }
            errors.put("status", "must be 0 (passive), 1 (active) or 2 (banned)");
            return null;
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidTenantException(errors);
            }
        }

        private static boolean isCurrency(String code) {
            try {
                return code.length() == 3 && Currency.getInstance(code).getCurrencyCode().equals(code);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
