package org.tenantregistry.command.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.tenantregistry.support.web.RawHttp;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsIT extends WebIntegrationTest {

    private static final String PROBLEM = "urn:tenant-registry:problem:";

    @Test
    void invalidFieldsAnswer422WithAnErrorPerField() {
        Api.Answer answer = api.post("""
                {"name": "  ", "timezone": "Mars/Olympus", "accent_color": "red"}""",
                "X-Request-Id", "req-invalid");

        assertProblem(answer, 422, "invalid-fields");
        JsonNode errors = answer.json().get("errors");
        assertThat(errors.get("name").get(0).asString()).contains("required");
        assertThat(errors.get("timezone").get(0).asString()).contains("IANA");
        assertThat(errors.get("accent_color").get(0).asString()).contains("#RRGGBB");
        assertThat(answer.json().get("instance").asString()).isEqualTo("/api/tenants");
        assertThat(answer.json().get("request_id").asString()).isEqualTo("req-invalid");
        assertThat(answer.header("X-Request-Id")).isEqualTo("req-invalid");
    }

    @Test
    void aValueOfTheWrongTypeAnswers422NamingTheFieldInSnakeCase() {
        Api.Answer text = api.post("{\"name\": \"Typed\", \"max_extensions\": \"many\"}");
        Api.Answer fraction = api.post("{\"name\": \"Typed\", \"max_extensions\": 1.5}");
        Api.Answer huge = api.post("{\"name\": \"Typed\", \"max_extensions\": 99999999999999999999}");
        Api.Answer nested = api.post("{\"name\": \"Typed\", \"currency\": {\"code\": \"EUR\"}}");
        Api.Answer unknown = api.post("{\"name\": \"Typed\", \"max_extension\": 5}");

        assertProblem(text, 422, "invalid-fields");
        assertThat(text.json().get("errors").get("max_extensions").get(0).asString())
                .isEqualTo("The max extensions field must be an integer.");
        assertThat(fraction.json().get("errors").get("max_extensions").get(0).asString())
                .isEqualTo("The max extensions field must be an integer.");
        assertThat(huge.json().get("errors").get("max_extensions").get(0).asString())
                .isEqualTo("The max extensions field is out of range.");
        assertThat(nested.json().get("errors").get("currency").get(0).asString())
                .isEqualTo("The currency field must be a string.");
        assertThat(unknown.json().get("errors").get("max_extension").get(0).asString())
                .isEqualTo("The max extension field is unknown.");
    }

    @Test
    void bodiesOfLifecycleCommandsAreValidated() {
        String id = api.create("{\"name\": \"Validated\"}");

        Api.Answer noReason = api.send("PUT", "/api/tenants/" + id + "/suspend", "{}");
        Api.Answer noUserStatus = api.send("PUT", "/api/tenants/" + id + "/deactivate", "{}");
        Api.Answer badUserStatus = api.send("PUT", "/api/tenants/" + id + "/deactivate", "{\"user_status\": 7}");
        Api.Answer badSlug = api.send("PUT", "/api/tenants/" + id + "/slug", "{\"slug\": \"Not A Label\"}");

        assertProblem(noReason, 422, "invalid-fields");
        assertThat(noReason.json().get("errors").has("reason")).isTrue();
        assertThat(noUserStatus.json().get("errors").has("user_status")).isTrue();
        assertThat(badUserStatus.json().get("errors").get("user_status").get(0).asString()).contains("0 (passive)");
        assertThat(badSlug.json().get("errors").get("slug").get(0).asString()).contains("DNS label");
        assertThat(eventTypesOf(id)).containsExactly("TenantCreated");
    }

    @Test
    void malformedJsonAndBodiesThatAreNoObjectAnswer400() {
        Api.Answer syntax = api.post("{\"name\": \"Broken\",");
        Api.Answer array = api.post("[{\"name\": \"In an array\"}]");
        String id = api.create("{\"name\": \"Patched badly\"}");
        Api.Answer patchArray = api.send("PATCH", "/api/tenants/" + id, "[1]".getBytes(), "application/merge-patch+json");

        assertProblem(syntax, 400, "malformed-body");
        assertThat(syntax.json().get("detail").asString()).contains("not well-formed JSON");
        assertProblem(array, 400, "malformed-body");
        assertProblem(patchArray, 400, "malformed-body");
    }

    @Test
    void anUnknownTenantAnswers404AndSoDoesAnIdThatIsNoUuid() {
        Api.Answer unknown = api.send("PUT", "/api/tenants/" + UUID.randomUUID() + "/suspend", "{\"reason\": \"x\"}");
        Api.Answer notUuid = api.send("PUT", "/api/tenants/not-a-uuid", "{\"name\": \"x\"}");

        assertProblem(unknown, 404, "tenant-not-found");
        assertProblem(notUuid, 404, "tenant-not-found");
        assertThat(notUuid.json().get("detail").asString()).contains("UUID");
    }

    @Test
    void aTakenSlugOrDomainAnswers409NamingTheField() {
        String slug = unique("taken");
        api.create("{\"name\": \"First\", \"slug\": \"" + slug + "\", \"domain\": \"" + slug + ".example.com\"}");

        Api.Answer slugTaken = api.post("{\"name\": \"Second\", \"slug\": \"" + slug + "\"}");
        Api.Answer domainTaken = api.post("{\"name\": \"Third\", \"domain\": \"" + slug.toUpperCase() + ".example.com\"}");

        assertProblem(slugTaken, 409, "identifier-taken");
        assertThat(slugTaken.json().get("errors").has("slug")).isTrue();
        assertProblem(domainTaken, 409, "identifier-taken");
        assertThat(domainTaken.json().get("errors").has("domain")).isTrue();
    }

    @Test
    void aTransitionTheStatusDoesNotAllowAnswers409() {
        String deleted = api.create("{\"name\": \"Deleted\"}");
        api.send("DELETE", "/api/tenants/" + deleted, (String) null);
        String active = api.create("{\"name\": \"Active\"}");

        Api.Answer suspendDeleted = api.send("PUT", "/api/tenants/" + deleted + "/suspend", "{\"reason\": \"x\"}");
        Api.Answer restoreActive = api.send("PUT", "/api/tenants/" + active + "/restore", (String) null);

        assertProblem(suspendDeleted, 409, "illegal-transition");
        assertThat(suspendDeleted.json().get("current_status").asString()).isEqualTo("deleted");
        assertProblem(restoreActive, 409, "illegal-transition");
        assertThat(restoreActive.json().get("status").asInt()).isEqualTo(409);
        assertThat(eventTypesOf(active)).containsExactly("TenantCreated");
    }

    @Test
    void aStatusInAPatchOrPutBodyThatTheStatusDoesNotAllowAnswers409AndWritesNothing() {
        String id = api.create("{\"name\": \"Deactivated\"}");
        api.send("PUT", "/api/tenants/" + id + "/deactivate", "{\"user_status\": 0}");
        String change = "{\"name\": \"Renamed\", \"status\": \"suspended\", \"status_reason\": \"unpaid\"}";

        Api.Answer patched = api.send("PATCH", "/api/tenants/" + id, change);
        Api.Answer replaced = api.send("PUT", "/api/tenants/" + id, change);

        assertProblem(patched, 409, "illegal-transition");
        assertThat(patched.json().get("current_status").asString()).isEqualTo("deactivated");
        assertThat(patched.json().get("detail").asString()).isEqualTo("cannot suspend a tenant that is deactivated");
        assertProblem(replaced, 409, "illegal-transition");
        // the rename in the same body is not written either: the tenant stays at version 2
        assertThat(eventTypesOf(id)).containsExactly("TenantCreated", "TenantDeactivated");
    }

    @Test
    void aStaleIfMatchAnswers412AndChangesNothing() {
        String id = api.create("{\"name\": \"Original\"}");
        api.send("PATCH", "/api/tenants/" + id, "{\"name\": \"Changed by someone else\"}");

        Api.Answer stale = api.send("PUT", "/api/tenants/" + id, "{\"name\": \"Lost update\"}", "If-Match", "\"1\"");
        Api.Answer foreignTag = api.send("DELETE", "/api/tenants/" + id, (String) null, "If-Match", "\"abc\"");
        Api.Answer anyVersion = api.send("PUT", "/api/tenants/" + id + "/suspend", "{\"reason\": \"x\"}", "If-Match", "*");

        assertProblem(stale, 412, "stale-version");
        assertThat(stale.json().get("current_version").asLong()).isEqualTo(2);
        assertProblem(foreignTag, 412, "stale-version");
        assertThat(anyVersion.status()).isEqualTo(200);
        assertThat(eventTypesOf(id)).containsExactly("TenantCreated", "TenantRenamed", "TenantSuspended");
    }

    @Test
    void aBodyAboveTheLimitAnswers413WhetherDeclaredOrStreamed() {
        byte[] fiveMegabytes = ("{\"name\": \"" + "a".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        Api.Answer declared = api.send("POST", "/api/tenants", fiveMegabytes, "application/json");
        Api.Answer streamed = api.send(api.request("/api/tenants")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(fiveMegabytes)))
                .build());

        assertProblem(declared, 413, "body-too-large");
        assertProblem(streamed, 413, "body-too-large");
        assertThat(declared.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void aPathSpeltOtherwiseIsRefusedWith400BeforeAnyGuardOrHandler() {
        RawHttp raw = new RawHttp(port);
        String name = unique("spelt-otherwise");
        String body = "{\"name\": \"" + name + "\"}";
        List<String> spellings = List.of("/api/tenants;x=1", "/%61pi/tenants", "/api/tenant%73", "/api;x=1/tenants",
                "/api/tenants%2F", "//api/tenants", "/api/./tenants", "/x/../api/tenants",
                "/api/tenants/%2e%2e/tenants",
                "/api/tenants%5C", "/api/%25tenants", "/api/t%C3%A9nants", "/api/tenants%0A");

        for (String path : spellings) {
            RawHttp.Answer answer = raw.send("POST", path, new ByteArrayInputStream(body.getBytes()),
                    "Content-Type: application/json", "Content-Length: " + body.length(), "Idempotency-Key: k-" + name);
            assertThat(answer.status()).as(path + " " + answer.text()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(path).isEqualTo("application/problem+json");
            assertThat(answer.json().get("type").asString()).as(path).isEqualTo(PROBLEM + "malformed-request");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE ?")
                .param("%" + name + "%").query(Integer.class).single()).isZero();
    }

    @Test
    void aBodyAboveTheLimitIsRefusedWith413OnEveryPathChunkedOrWithALyingLength() {
        RawHttp raw = new RawHttp(port);
        String id = api.create("{\"name\": \"Limited\"}");
        List<String> targets = List.of("POST /api/tenants", "PUT /api/tenants/" + id, "GET /actuator/health",
                "GET /v3/api-docs", "POST /api/nowhere", "DELETE /api/tenants/" + id, "OPTIONS /api/tenants");

        for (String target : targets) {
            String[] methodAndPath = target.split(" ");
            RawHttp.Answer chunked = raw.send(methodAndPath[0], methodAndPath[1], RawHttp.chunkedBody(20L << 20),
                    "Content-Type: application/json", "Transfer-Encoding: chunked");
            RawHttp.Answer lyingLength = raw.send(methodAndPath[0], methodAndPath[1],
                    new ByteArrayInputStream("{}".getBytes()), "Content-Type: application/json",
                    "Content-Length: 94371840");

            assertThat(chunked.status()).as(target + " chunked " + chunked.text()).isEqualTo(413);
            assertThat(chunked.json().get("type").asString()).isEqualTo(PROBLEM + "body-too-large");
            assertThat(lyingLength.status()).as(target + " declared").isEqualTo(413);
        }
        assertThat(eventTypesOf(id)).containsExactly("TenantCreated");
    }

    @Test
    void malformedQueryStringsAndPathsAre4xxProblemDetailsOnAnyUrl() {
        RawHttp raw = new RawHttp(port);
        String id = api.create("{\"name\": \"Queried badly\"}");
        List<String> requests = List.of("DELETE /api/tenants/" + id + "?=x", "GET /actuator/health?=x",
                "DELETE /api/tenants/" + id + "?purge=%ff", "DELETE /api/tenants/" + id + "?purge=%c3%28",
                "DELETE /api/tenants/" + id + "?purge=%", "DELETE /api/tenants/" + id + "?purge=tr%00ue",
                "GET /actuator/health?x=%ff", "GET /v3/api-docs?%=1", "PUT /api/tenants/%ff",
                "PUT /api/tenants/a%00b", "PUT /api/tenants/%c3%28", "GET /api/tenants?search=a|b",
                "GET /api/ten%ants");

        for (String request : requests) {
            String[] methodAndTarget = request.split(" ");
            RawHttp.Answer answer = raw.send(methodAndTarget[0], methodAndTarget[1]);
            assertThat(answer.status()).as(request + " " + answer.text()).isBetween(400, 499);
            assertThat(answer.header("Content-Type")).as(request).isEqualTo("application/problem+json");
            assertThat(answer.json().get("status").asInt()).as(request).isEqualTo(answer.status());
        }
        assertThat(eventTypesOf(id)).containsExactly("TenantCreated");
    }

    @Test
    void aMultipartBodyAtAJsonEndpointIs415() {
        byte[] multipart = ("--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--b--\r\n").getBytes();
        String id = api.create("{\"name\": \"Not multipart\"}");

        Api.Answer create = api.send("POST", "/api/tenants", multipart, "multipart/form-data; boundary=b");
        Api.Answer patch = api.send("PATCH", "/api/tenants/" + id, multipart, "multipart/form-data; boundary=b");

        assertThat(create.status()).as(create.text()).isEqualTo(415);
        assertThat(create.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(patch.status()).as(patch.text()).isEqualTo(415);
        assertThat(eventTypesOf(id)).containsExactly("TenantCreated");
    }

    @Test
    void aMalformedOrBlankIfMatchIsRefusedWith400AndChangesNothing() {
        String id = api.create("{\"name\": \"Conditional\"}");

        for (String ifMatch : List.of("abc", "\"1", "1\"", "W/1", "v1", "\"1\"x", "", "   ")) {
            Api.Answer answer = api.send("PUT", "/api/tenants/" + id + "/suspend", "{\"reason\": \"x\"}",
                    "If-Match", ifMatch);
            assertProblem(answer, 400, "invalid-header");
            assertThat(answer.json().get("header").asString()).isEqualTo("If-Match");
        }
        assertThat(eventTypesOf(id)).containsExactly("TenantCreated");
    }

    @Test
    void anExpectedRefusalLogsOneLineAtMost() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            api.send("PUT", "/api/tenants/" + UUID.randomUUID() + "/suspend", "{\"reason\": \"x\"}",
                    "X-Request-Id", "noise-404");
            api.post("{\"name\": \"\"}", "X-Request-Id", "noise-422");
        } finally {
            root.detachAppender(captured);
        }

        assertThat(linesLoggedFor(captured.list, "noise-404")).isLessThanOrEqualTo(1);
        assertThat(linesLoggedFor(captured.list, "noise-422")).isLessThanOrEqualTo(1);
    }

    /** Lines a request's log entries take: each message's lines and every line of its stack traces. */
    private static int linesLoggedFor(List<ILoggingEvent> events, String requestId) {
        int lines = 0;
        for (ILoggingEvent event : events) {
            if (requestId.equals(event.getMDCPropertyMap().get("request_id"))) {
                lines += event.getFormattedMessage().split("\n").length;
                for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                    lines += 1 + t.getStackTraceElementProxyArray().length;
                }
            }
        }
        return lines;
    }

    @Test
    void springsOwnRefusalsAreProblemDetailsToo() {
        Api.Answer unsupported = api.send("POST", "/api/tenants", "name=x".getBytes(), "text/plain");
        Api.Answer notAllowed = api.send("GET", "/api/tenants", (String) null);
        String slug = unique("not-acceptable");
        Api.Answer notAcceptable = api.post("{\"name\": \"x\", \"slug\": \"" + slug + "\"}", "Accept", "text/html");

        assertThat(unsupported.status()).isEqualTo(415);
        assertThat(unsupported.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(notAllowed.status()).isEqualTo(405);
        assertThat(notAllowed.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(notAcceptable.status()).isEqualTo(406);
        assertThat(notAcceptable.json().get("request_id").asString()).isNotBlank();
        // refused before the command ran: the slug is still free
        assertThat(api.post("{\"name\": \"x\", \"slug\": \"" + slug + "\"}").status()).isEqualTo(201);
    }

    @Test
    void noMalformedInputCausesAServerError() {
        String id = api.create("{\"name\": \"Target\"}");
        List<byte[]> bodies = new ArrayList<>(List.of(
                new byte[]{(byte) 0xff, (byte) 0xfe, '{', '}'},
                "{\"name\": \"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1),
                "{\"name\": \"x\", \"max_extensions\": 1e400}".getBytes(),
                ("{\"name\": \"x\", \"max_extensions\": " + "9".repeat(5000) + "}").getBytes(),
                ("{\"settings\": " + "{\"a\": ".repeat(5000) + "1" + "}".repeat(5000) + "}").getBytes(),
                ("{\"settings\": " + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(),
                "{\"name\": \"x\", \"settings\": {\"mfa_methods\": \"all\", \"session_timeout\": \"long\"}}".getBytes(),
                "{\"name\": \"x\", \"status\": \"suspended\"}".getBytes(),
                "{\"name\": \"x\", \"profile\": [], \"branding\": 3}".getBytes(),
                "{\"name\": null, \"slug\": 12, \"domain\": \"-.-\", \"partner_id\": \"\"}".getBytes(),
                "{\"name\": \"x\", \"user_status\": -1, \"status\": \"deactivated\"}".getBytes(),
                "{\"name\": \"x\", \"settings\": {\"k\": \"\u0000\"}}".getBytes(),
                "{\"name\": \"x\\ud800\"}".getBytes(),
                "\"just a string\"".getBytes(),
                "null".getBytes(),
                "".getBytes(),
                "{\"name\": \"x\"}{\"name\": \"y\"}".getBytes(),
                ("{\"name\": \"x\", \"settings\": {\"blob\": \"" + "b".repeat(40_000) + "\"}}").getBytes()));
        List<String> targets = List.of("POST /api/tenants", "PUT /api/tenants/" + id, "PATCH /api/tenants/" + id,
                "PUT /api/tenants/" + id + "/slug", "PUT /api/tenants/" + id + "/suspend",
                "PUT /api/tenants/" + id + "/deactivate");

        List<String> serverErrors = new ArrayList<>();
        for (String target : targets) {
            String[] methodAndPath = target.split(" ");
            for (byte[] body : bodies) {
                Api.Answer answer = api.send(methodAndPath[0], methodAndPath[1], body, "application/json");
                if (answer.status() >= 500) {
                    serverErrors.add(target + " " + new String(Arrays.copyOf(body, Math.min(body.length, 60)),
                            StandardCharsets.UTF_8) + " -> " + answer.status() + " " + answer.text());
                }
            }
        }
        Api.Answer badHeader = api.send("PUT", "/api/tenants/" + id + "/reactivate", (String) null,
                "X-Change-Reason", "a".repeat(5000));
        Api.Answer badIfMatch = api.send("PUT", "/api/tenants/" + id + "/reactivate", (String) null,
                "If-Match", "\"1\", \"2\"");

        assertThat(serverErrors).isEmpty();
        assertProblem(badHeader, 400, "invalid-header");
        assertProblem(badIfMatch, 400, "invalid-header");
    }

    @Test
    void anUnexpectedFailureAnswers500WithoutRevealingItsCause() {
        Api.Answer answer = api.send("POST", FailingEndpoint.PATH, "{}", "X-Request-Id", "req-500");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo(PROBLEM + "internal-error");
        assertThat(answer.json().get("request_id").asString()).isEqualTo("req-500");
        assertThat(answer.text()).doesNotContain(FailingEndpoint.SECRET, "IllegalStateException", "at org.");
    }

    private static void assertProblem(Api.Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asString()).isEqualTo(PROBLEM + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("instance").asString()).startsWith("/api/tenants");
        assertThat(answer.header("X-Request-Id")).isNotBlank();
    }
}
