package org.banksuite.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.banksuite.testsupport.SystemChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real headless Chromium (Debian's, see test-support's {@link SystemChromium}): whatever page a
 * browser opens first, nobody signed in, it is sent to the issuer's authorization endpoint with PKCE (S256), a state
 * and the console's own redirect URI; no page shows before sign-in. The whole sign-in against the real issuer is
 * end-to-end-tests' {@code SupportConsoleIT}. This module also makes the system browser ready (installing it as root
 * where missing) while the slower modules build, not on the end-to-end tests' path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInInTheBrowserIT {

    private static final WireMockServer ISSUER = IssuerStub.discoverable();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry properties) {
        IssuerStub.register(properties, ISSUER);
    }

    @AfterAll
    static void stop() {
        ISSUER.stop();
    }

    @Test
    void sendsABrowserThatIsNotSignedInToTheIssuerWithPkceFromAnyPage() {
        ChromeDriver browser = headlessChromium();
        try {
            for (String page : new String[] {"/", "/dead-letters", "/dead-letters/accounts-service/inbound/x"}) {
                browser.manage().deleteAllCookies();
                browser.get("http://localhost:" + port + page);
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver ->
                        driver.getCurrentUrl().startsWith(ISSUER.baseUrl()));

                URI authorization = URI.create(browser.getCurrentUrl());
                String query = URLDecoder.decode(authorization.getRawQuery(), StandardCharsets.UTF_8);
                assertThat(authorization.getPath()).as("from " + page).isEqualTo("/oauth2/authorize");
                assertThat(query).as("from " + page).contains("response_type=code", "client_id=support-console",
                        "code_challenge_method=S256", "code_challenge=", "state=", "scope=openid",
                        "redirect_uri=http://localhost:" + port + "/login/oauth2/code/suite");
            }
        } finally {
            browser.quit();
        }
    }

    private static ChromeDriver headlessChromium() {
        SystemChromium chromium = SystemChromium.locate();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.browser().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromium.driver().toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
