package org.tenantregistry.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tenantregistry.dns.LoopbackDnsServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser: Debian's Chromium, headless, driven by Selenium through the one base URL, the
 * whole registry behind it. One admin's session, step by step in order (each step starts where the last one left the
 * browser): log in, create a tenant (a field error first), edit it (and meet a concurrent change), add a custom domain
 * and verify it against the loopback DNS server, suspend the tenant, find it by search, read its history with the
 * diff and an earlier version, read the dashboard, and the list at a phone's width. Each page is saved as a
 * screenshot under {@code target/console-screenshots/}.
 *
 * <p>Chromium and its driver are found at {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian's
 * {@code chromium} and {@code chromium-driver}), or where {@code -Dconsole.chromium} and
 * {@code -Dconsole.chromedriver} say. Without them the test fails and says what to install: a browser test that skips
 * itself would let a build pass that never looked at the console.
 */
@ExtendWith(SharedSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private static RunningSystem system;
    private static LoopbackDnsServer dns;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static URI base;

    /** Unique per run, so that the slug and the search find this run's tenant only. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String NAME = "Console Corp " + RUN;
    private static final String RENAMED = "Console Corp GmbH " + RUN;
    private static final String SLUG = "console-" + RUN;
    private static final String DOMAIN = "assets." + SLUG + ".example";
    private static String tenantPage;

    @BeforeAll
    static void openABrowserOnTheRegistry(RunningSystem running) throws IOException {
        system = running;
        dns = running.dns;
        base = running.baseUrl;
        Files.createDirectories(SCREENSHOTS);
        browser = chromium();
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void aBrowserWithoutASessionIsSentToTheLoginPageAndLogsIn() {
        browser.get(base + "/console/tenants");
        wait.until(ExpectedConditions.urlToBe(base + "/console?next=%2Fconsole%2Ftenants"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Log in");
        screenshot("01-login");

        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("not the password");
        submit();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]")));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("wrong");

        browser.findElement(By.id("password")).sendKeys(system.adminPassword());
        submit();
        wait.until(ExpectedConditions.urlToBe(base + "/console/tenants"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tenants");
        assertThat(browser.findElement(By.cssSelector(".top .who")).getText()).isEqualTo("admin");
    }

    @Test
    @Order(2)
    void aTenantIsCreatedAfterTheFieldErrorTheApiGaveIsShownBesideItsField() {
        browser.findElement(By.linkText("New tenant")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/console/tenants/new"));
        type("name", NAME);
        type("slug", "Not A Slug");
        type("country_code", "DE");
        type("max_extensions", "20");
        type("partner_id", "partner-console");
        submit();

        WebElement slugError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("slug-error")));
        assertThat(slugError.getText()).isNotBlank();
        assertThat(browser.findElement(By.id("slug")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("slug")).getDomAttribute("aria-describedby")).isEqualTo("slug-error");
        assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo(NAME);
        screenshot("02-field-error");

        type("slug", SLUG);
        submit();
        awaitTenantPage(NAME);
        tenantPage = browser.getCurrentUrl().replaceAll("\\?.*", "");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Tenant created.");
        assertThat(browser.findElement(By.cssSelector("h1 .badge")).getText()).isEqualTo("active");
        screenshot("03-created");
    }

    @Test
    @Order(3)
    void anEditSavesTheChangeAndAConcurrentChangeIsShownInsteadOfOverwritten() {
        browser.findElement(By.linkText("Edit")).click();
        wait.until(ExpectedConditions.urlContains("/edit"));
        type("name", RENAMED);
        type("max_extensions", "40");
        type("change_reason", "contract upgrade");
        submit();
        awaitTenantPage(RENAMED);
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Tenant updated.");
        assertThat(browser.findElement(By.cssSelector("label[for=quota]")).getText()).contains("of 40");

        browser.findElement(By.linkText("Edit")).click();
        wait.until(ExpectedConditions.urlContains("/edit"));
        String id = tenantId();
        // Someone else changes the description meanwhile, through the API.
        Http.Answer changed = system.client(base).send("PATCH", "/api/tenants/" + id,
                "{\"description\": \"changed by someone else\"}", Map.of("Content-Type", "application/json"));
        assertThat(changed.status()).isEqualTo(200);
        type("description", "mine");
        submit();
        WebElement conflict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict")));
        assertThat(conflict.getText()).contains("changed by someone else").contains("mine");
        screenshot("04-concurrent-change");

        long theirs = changed.body().get("data").get("version").asLong();
        browser.get(tenantPage + "?min_version=" + id + ":" + theirs);
        awaitTenantPage(RENAMED);
        assertThat(browser.findElement(By.id("main")).getText()).contains("changed by someone else")
                .doesNotContain("mine");
    }

    @Test
    @Order(4)
    void aCustomDomainIsAddedAndVerifiedAgainstDns() {
        browser.get(tenantPage);
        awaitTenantPage(RENAMED);
        type("new-domain", DOMAIN);
        browser.findElement(By.id("new-domain")).submit();
        WebElement domain = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-domain='" + DOMAIN + "']")));
        assertThat(domain.findElement(By.cssSelector(".domain-status")).getText()).isEqualTo("pending");
        assertThat(domain.getText()).contains("CNAME").contains(SLUG + ".tenants.localhost");

        dns.cname(DOMAIN, SLUG + ".tenants.localhost");
        domain.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-domain='" + DOMAIN + "'] .domain-status"),
                "verified"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Domain verified.");
        screenshot("05-domain-verified");
    }

    @Test
    @Order(5)
    void theTenantIsSuspendedWithAReason() {
        type("suspend-reason", "invoice 2026-11 unpaid");
        browser.findElement(By.id("suspend-reason")).submit();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1 .badge"), "suspended"));
        assertThat(browser.findElement(By.id("suspension-reason")).getText()).isEqualTo("invoice 2026-11 unpaid");
        // The tenant page loads the latest events of its history beside it.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#timeline .event")));
        assertThat(browser.findElement(By.cssSelector("#timeline .event .event-type")).getText())
                .isEqualTo("TenantSuspended");
        wholePageScreenshot("06-tenant-page");
    }

    @Test
    @Order(6)
    void theTenantIsFoundBySearchAsYouType() {
        browser.findElement(By.linkText("Tenants")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/console/tenants"));
        browser.findElement(By.id("search")).sendKeys(RUN);
        // htmx swaps in the results as one types, without the Filter button.
        wait.until(ExpectedConditions.urlContains("search=" + RUN));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results tbody tr"), 1));
        WebElement row = browser.findElement(By.cssSelector("#results tbody tr"));
        assertThat(row.getText()).contains(RENAMED).contains(SLUG).contains("suspended");

        new Select(browser.findElement(By.id("status"))).selectByValue("active");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "No tenant matches."));
        new Select(browser.findElement(By.id("status"))).selectByValue("suspended");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), RENAMED));
        screenshot("07-search");
        browser.findElement(By.linkText(RENAMED)).click();
        awaitTenantPage(RENAMED);
    }

    @Test
    @Order(7)
    void theHistoryShowsWhoChangedWhatWhyAndTheTenantAsItWas() {
        browser.findElement(By.linkText("History")).click();
        wait.until(ExpectedConditions.urlContains("/history"));
        WebElement rename = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-field=name]")));
        assertThat(rename.findElement(By.cssSelector(".from")).getText()).isEqualTo(NAME);
        assertThat(rename.findElement(By.cssSelector(".to")).getText()).isEqualTo(RENAMED);
        String timeline = browser.findElement(By.cssSelector("ol.timeline")).getText();
        assertThat(timeline).contains("TenantSuspended").contains("TenantCreated").contains("by admin")
                .contains("why: contract upgrade");
        wholePageScreenshot("08-history");

        browser.findElement(By.linkText("The tenant as of version 1")).click();
        WebElement asOf = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("as-of")));
        assertThat(asOf.getText()).contains("As it was at version 1").contains(NAME).contains("active");
        screenshot("09-as-of-version-1");
    }

    @Test
    @Order(8)
    void theDashboardShowsTheFiguresAsChartsWithTheNumbersBeside() {
        browser.findElement(By.linkText("Dashboard")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/console/dashboard"));
        assertThat(Long.parseLong(browser.findElement(By.id("total-tenants")).getText())).isPositive();
        assertThat(browser.findElement(By.id("status-table")).getText()).contains("suspended");
        assertThat(browser.findElement(By.id("partner-table")).getText()).contains("partner-console");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-chart=status-chart-data] svg")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-chart=growth-chart-data] svg")));
        wholePageScreenshot("10-dashboard");
    }

    @Test
    @Order(9)
    void theOperationsPageShowsTheProjections() {
        browser.findElement(By.linkText("Operations")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/console/operations"));
        assertThat(browser.findElement(By.id("projections")).getText()).contains("tenants").contains("domains");
        screenshot("11-operations");
    }

    @Test
    @Order(10)
    void theTenantListAndATenantsPageFitAPhonesWidth() {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(base + "/console/tenants?search=" + RUN);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), RENAMED));
            assertThat(overflowsSideways()).isFalse();
            screenshot("12-phone");

            browser.get(tenantPage);
            awaitTenantPage(RENAMED);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#timeline .event")));
            assertThat(overflowsSideways()).isFalse();
            screenshot("13-phone-tenant-page");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    @Order(11)
    void theKeyboardReachesTheSkipLinkFirstAndItsFocusIsVisible() {
        browser.get(base + "/console/tenants");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to content");
        assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
    }

    private static boolean overflowsSideways() {
        return (Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth;");
    }

    private static void awaitTenantPage(String name) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1 > span:first-child"), name));
    }

    private static String tenantId() {
        return browser.getCurrentUrl().replaceAll(".*/console/tenants/([0-9a-f-]{36}).*", "$1");
    }

    private static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void submit() {
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
    }

    /** The page from top to bottom (the README shows these): the window as tall as the page, for the shot. */
    private static void wholePageScreenshot(String name) {
        Dimension size = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 140, 4000)));
        try {
            screenshot(name);
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    private static void screenshot(String name) {
        Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        try {
            Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Debian's Chromium, headless, through its own driver (Selenium Manager would try to download one). */
    private static WebDriver chromium() {
        Path binary = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
        Path driver = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(binary) || !Files.isExecutable(driver)) {
            throw new IllegalStateException("The console's browser test needs Chromium and its driver: " + binary
                    + " or " + driver + " is missing. Install them (Debian: apt-get install chromium chromium-driver; "
                    + ".ci/run does when they are missing), or point -Dconsole.chromium and -Dconsole.chromedriver "
                    + "at them.");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build();
        return new ChromeDriver(service, options);
    }
}
