package org.banksuite.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemChromiumTest {

    @TempDir
    Path bin;

    @Test
    void usesTheInstalledBrowserAndDriverWithoutApt() throws IOException {
        Path browser = executable("chromium");
        Path driver = executable("chromedriver");
        List<String> apt = new ArrayList<>();

        SystemChromium chromium = SystemChromium.locate(browser, driver, true, record(apt, true));

        assertThat(chromium).isEqualTo(new SystemChromium(browser, driver));
        assertThat(apt).isEmpty();
    }

    @Test
    void saysWhatToInstallWhenItMayNotInstall() {
        List<String> apt = new ArrayList<>();

        assertThatThrownBy(() -> SystemChromium.locate(bin.resolve("chromium"), bin.resolve("chromedriver"), false,
                record(apt, true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apt-get install -y chromium chromium-driver");
        assertThat(apt).isEmpty();
    }

    @Test
    void updatesThePackageListsWhenTheInstallCannotFindThePackagesAndInstallsAgain() {
        Path browser = bin.resolve("chromium");
        Path driver = bin.resolve("chromedriver");
        List<String> apt = new ArrayList<>();

        SystemChromium chromium = SystemChromium.locate(browser, driver, true, arguments -> {
            apt.add(String.join(" ", arguments));
            if (apt.size() < 3) {
                return arguments[0].equals("update");   // the first install fails: lists without chromium
            }
            executable("chromium");
            executable("chromedriver");
            return true;
        });

        assertThat(apt).containsExactly("install -y", "update", "install -y");
        assertThat(chromium.browser()).isEqualTo(browser);
    }

    @Test
    void failsSayingSoWhenAptCannotInstallThem() {
        assertThatThrownBy(() -> SystemChromium.locate(bin.resolve("chromium"), bin.resolve("chromedriver"), true,
                arguments -> false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not install them");
    }

    private static SystemChromium.AptGet record(List<String> calls, boolean succeeds) {
        return arguments -> {
            calls.add(String.join(" ", arguments));
            return succeeds;
        };
    }

    private Path executable(String name) {
        try {
            Path file = bin.resolve(name);
            Files.writeString(file, "#!/bin/sh\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
