package org.banksuite.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine's own Chromium and its driver for browser tests: Debian's {@code chromium} and {@code chromium-driver}
 * packages ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}). Nothing is downloaded from the internet (no
 * Selenium Manager): when they are missing and the tests run as root (as CI does), they are installed with
 * {@code apt-get install -y chromium chromium-driver} (after {@code apt-get update} if the package lists lack them);
 * otherwise the test fails with a message that says exactly what to install. Browser tests are never skipped.
 *
 * @param browser the Chromium binary
 * @param driver  the matching chromedriver binary
 */
public record SystemChromium(Path browser, Path driver) {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> PACKAGES = List.of("chromium", "chromium-driver");
    private static final long INSTALL_MINUTES = 15;

    /**
     * The installed browser and driver, installing them first where this process may.
     *
     * @throws IllegalStateException when they are missing and cannot be installed here, saying what to install
     */
    public static synchronized SystemChromium locate() {
        return locate(BROWSER, DRIVER, root(), SystemChromium::aptGet);
    }

    /** {@link #locate()} with the paths, whether this process is root, and apt-get given (for its tests). */
    static SystemChromium locate(Path browser, Path driver, boolean root, AptGet aptGet) {
        if (!installed(browser, driver)) {
            if (!root) {
                throw new IllegalStateException(missing(browser, driver) + " Install them (as root): apt-get install"
                        + " -y chromium chromium-driver (Debian's packages; the browser tests never download a browser).");
            }
            boolean installedNow = aptGet.run("install", "-y")
                    || (aptGet.run("update") && aptGet.run("install", "-y"));
            if (!installedNow || !installed(browser, driver)) {
                throw new IllegalStateException(missing(browser, driver) + " apt-get install -y chromium"
                        + " chromium-driver did not install them (see the output above); install them by hand and"
                        + " run the tests again.");
            }
        }
        return new SystemChromium(browser, driver);
    }

    /** Runs apt-get with these arguments (and the packages, for {@code install}); true when it succeeded. */
    @FunctionalInterface
    interface AptGet {
        boolean run(String... arguments);
    }

    private static boolean installed(Path browser, Path driver) {
        return Files.isExecutable(browser) && Files.isExecutable(driver);
    }

    private static String missing(Path browser, Path driver) {
        return "The browser tests need Debian's chromium and chromium-driver packages (" + browser + ", " + driver
                + "), which are not installed.";
    }

    private static boolean root() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes()).trim();
            return id.waitFor(10, TimeUnit.SECONDS) && uid.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean aptGet(String... command) {
        List<String> line = new java.util.ArrayList<>(List.of("apt-get"));
        line.addAll(List.of(command));
        if (command[0].equals("install")) {
            line.addAll(PACKAGES);
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(line);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process apt = builder.inheritIO()
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            return apt.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES) && apt.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
