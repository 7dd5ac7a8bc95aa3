package org.banksuite.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.banksuite.testsupport.SystemChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's, through {@link SystemChromium}; never a download) driving the support console as
 * a person does: signing in at the issuer's login page, filtering, clicking, reading the messages. Every wait is on
 * a condition of the page. Screenshots go to the directory the system property {@code console.screenshots} names,
 * only when it is set.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final ChromeDriver driver;
    private final String consoleUrl;

    ConsoleBrowser(String consoleUrl) {
        SystemChromium chromium = SystemChromium.locate();
        System.setProperty("webdriver.chrome.driver", chromium.driver().toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.browser().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromium.driver().toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.consoleUrl = consoleUrl;
    }

    /** Opens the console; not signed in, the issuer's login page comes; signs in there and waits for the console. */
    void signIn(String username, String password) {
        driver.get(consoleUrl + "/dead-letters");
        until(page -> !page.findElements(By.name("username")).isEmpty());
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        until(page -> page.getCurrentUrl().startsWith(consoleUrl) && !page.findElements(By.id("signed-in-as")).isEmpty());
    }

    void signOut() {
        driver.findElement(By.id("sign-out")).click();
        // back from the issuer's sign-out to the console, which (nobody signed in) sends to the login page again
        until(page -> !page.findElements(By.name("username")).isEmpty());
    }

    /** Filters the list by entity until a row of that sequence shows (the service dead-letters it asynchronously). */
    WebElement awaitLetter(String entity) {
        return until(page -> {
            filterByEntity(entity);
            List<WebElement> rows = rows(entity);
            return rows.isEmpty() ? null : rows.getFirst();
        });
    }

    /** Filters the list by entity until the row of that sequence counts {@code letters} letters. */
    void awaitLetters(String entity, int letters) {
        until(page -> {
            filterByEntity(entity);
            List<WebElement> rows = rows(entity);
            return !rows.isEmpty() && rows.getFirst().findElements(By.tagName("td")).get(6).getText()
                    .equals(String.valueOf(letters));
        });
    }

    /** Opens a page of the console, e.g. {@code /reconstitution}. */
    void open(String path) {
        driver.get(consoleUrl + path);
        until(page -> !page.findElements(By.id("signed-in-as")).isEmpty());
    }

    /** Chooses the option of value {@code value} in a select. */
    void choose(By select, String value) {
        new Select(driver.findElement(select)).selectByValue(value);
    }

    /** Waits, without reloading the page, until the element shows {@code text}; a page may reload itself. */
    void awaitText(By element, String text) {
        until(page -> {
            try {
                return page.findElements(element).stream().anyMatch(found -> found.getText().equals(text));
            } catch (StaleElementReferenceException reloading) {
                return false;
            }
        });
    }

    /** Waits until the page shows the element (a page that polls may show it after it reloaded itself). */
    void awaitPresent(By element) {
        until(page -> !page.findElements(element).isEmpty());
    }

    /** The text of every element {@code selector} finds on the page. */
    List<String> texts(By selector) {
        return driver.findElements(selector).stream().map(WebElement::getText).toList();
    }

    /** Opens the story of {@code entity} until its time line shows an event of {@code type} (events come later). */
    void awaitStoryEvent(String entity, String type) {
        until(page -> {
            driver.get(consoleUrl + "/story?id=" + entity);
            return !page.findElements(By.cssSelector("tr.story-event[data-type='" + type + "']")).isEmpty();
        });
    }

    /** Filters the list by entity until no row of that sequence shows. */
    void awaitNoLetter(String entity) {
        until(page -> {
            filterByEntity(entity);
            return rows(entity).isEmpty();
        });
    }

    void filterByEntity(String entity) {
        driver.get(consoleUrl + "/dead-letters");
        WebElement field = driver.findElement(By.id("filter-entity"));
        field.clear();
        field.sendKeys(entity);
        driver.findElement(By.id("apply-filters")).click();
        until(page -> page.getCurrentUrl().contains("entity="));
    }

    List<WebElement> rows(String entity) {
        return driver.findElements(By.cssSelector("tr.letter[data-sequence='" + entity + "']"));
    }

    void openLetter(String entity) {
        rows(entity).getFirst().findElement(By.cssSelector("a.open-letter")).click();
        until(page -> !page.findElements(By.id("sequence-id")).isEmpty());
    }

    /** Clicks a button and waits for the page the action leads to, with its message. */
    String click(By button) {
        driver.findElement(button).click();
        return until(page -> {
            List<WebElement> messages = page.findElements(By.cssSelector("#outcome, #problem"));
            return messages.isEmpty() ? null : messages.getFirst().getText();
        });
    }

    void type(By field, String text) {
        WebElement element = driver.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    String text(By element) {
        return driver.findElement(element).getText();
    }

    boolean present(By element) {
        return !driver.findElements(element).isEmpty();
    }

    /** Saves the page as {@code <name>.png} where {@code -Dconsole.screenshots=<directory>} says; else nothing. */
    void screenshot(String name) {
        String directory = System.getProperty("console.screenshots");
        if (directory == null || directory.isBlank()) {
            return;
        }
        try {
            Path target = Path.of(directory).resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(300)).until(condition::apply);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
