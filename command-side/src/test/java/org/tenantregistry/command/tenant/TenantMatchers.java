package org.tenantregistry.command.tenant;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.tenantregistry.events.TenantStatus;

import java.util.Set;
import java.util.TreeSet;

/** Hamcrest matchers for the fixture's {@code expectException(Matcher)}: they look inside the exceptions. */
final class TenantMatchers {

    private TenantMatchers() {
    }

    /** An {@link InvalidTenantException} whose {@code errors()} has exactly these field keys. */
    static Matcher<InvalidTenantException> invalidFields(String... keys) {
        Set<String> expected = new TreeSet<>(Set.of(keys));
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidTenantException e, Description mismatch) {
                Set<String> actual = new TreeSet<>(e.errors().keySet());
                mismatch.appendText("errors were ").appendValue(e.errors());
                return actual.equals(expected);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidTenantException with error keys ").appendValue(expected);
            }
        };
    }

    /** An {@link IdentifierTakenException} about this field ({@code slug} or {@code domain}). */
    static Matcher<IdentifierTakenException> taken(String field) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(IdentifierTakenException e, Description mismatch) {
                mismatch.appendText("field was ").appendValue(e.field());
                return field.equals(e.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("IdentifierTakenException for ").appendValue(field);
            }
        };
    }

    /** An {@link IllegalTransitionException} raised while the tenant was in this status. */
    static Matcher<IllegalTransitionException> illegalTransitionFrom(TenantStatus current) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(IllegalTransitionException e, Description mismatch) {
                mismatch.appendText("current status was ").appendValue(e.current());
                return current == e.current();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("IllegalTransitionException from ").appendValue(current);
            }
        };
    }

    /** A {@link StaleVersionException} that names this as the tenant's current version. */
    static Matcher<StaleVersionException> staleAgainst(long currentVersion) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(StaleVersionException e, Description mismatch) {
                mismatch.appendText("current version was ").appendValue(e.currentVersion());
                return currentVersion == e.currentVersion();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("StaleVersionException with current version ").appendValue(currentVersion);
            }
        };
    }

    /** A handler's answer, a {@link TenantState}, with this version. */
    static Matcher<Object> version(long expected) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Object answer, Description mismatch) {
                mismatch.appendText("answer was ").appendValue(answer);
                return answer instanceof TenantState state && state.version() == expected;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("TenantState with version ").appendValue(expected);
            }
        };
    }

    /** A create's answer: the slug it stored, and the version. */
    static Matcher<Object> created(String slug, long expected) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Object answer, Description mismatch) {
                mismatch.appendText("answer was ").appendValue(answer);
                return answer instanceof TenantState state && state.version() == expected && slug.equals(state.slug());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("TenantState with slug ").appendValue(slug).appendText(" and version ")
                        .appendValue(expected);
            }
        };
    }
}
