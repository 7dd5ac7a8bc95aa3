package org.banksuite.events;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.events.transfers.v1.TransferRejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCatalogTest {

    @Test
    void listsEveryEventOnce() {
        assertThat(EventCatalog.all()).hasSize(36);
        assertThat(EventCatalog.all()).extracting(CatalogEntry::ceType).doesNotHaveDuplicates();
        assertThat(EventCatalog.all()).extracting(CatalogEntry::recordClass).doesNotHaveDuplicates();
    }

    @Test
    void catalogsEveryIntegrationEventRecordInThisJar() throws Exception {
        List<Class<?>> catalogued = EventCatalog.all().stream().<Class<?>>map(CatalogEntry::recordClass).toList();

        assertThat(catalogued).containsExactlyInAnyOrderElementsOf(integrationEventClassesInThisJar());
    }

    @Test
    void typeNamesMatchTheRecordsPackageVersionAndName() {
        for (CatalogEntry entry : EventCatalog.all()) {
            Class<?> type = entry.recordClass();
            String version = type.getPackageName().substring(type.getPackageName().lastIndexOf('.') + 1);
            assertThat(entry.ceType()).as(type.getName()).endsWith("." + type.getSimpleName() + "." + version);
            assertThat(type.isRecord()).as(type.getName()).isTrue();
        }
    }

    @Test
    void placesEachDomainOnItsTopic() {
        for (CatalogEntry entry : EventCatalog.all()) {
            String domain = entry.ceType().substring(0, entry.ceType().indexOf('.'));
            assertThat(entry.topic()).as(entry.ceType()).isEqualTo(domain + ".events");
        }
    }

    @Test
    void mapsTypesToClassesAndBack() {
        AccountOpened opened = new AccountOpened("a-1", "c-1", "DKK", "PERSONAL", Instant.EPOCH);

        assertThat(EventCatalog.typeOf(opened)).isEqualTo("accounts.AccountOpened.v1");
        assertThat(EventCatalog.classOf("accounts.AccountOpened.v1")).isEqualTo(AccountOpened.class);
        assertThat(EventCatalog.classOf("transfers.TransferRejected.v1")).isEqualTo(TransferRejected.class);
        assertThat(EventCatalog.entryOf(opened).topic()).isEqualTo(Topics.ACCOUNTS_EVENTS);
    }

    @Test
    void rejectsAnUnknownTypeClearly() {
        assertThatThrownBy(() -> EventCatalog.classOf("accounts.AccountOpened.v9"))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("accounts.AccountOpened.v9");
        assertThatThrownBy(() -> EventCatalog.classOf("org.banksuite.events.accounts.v1.AccountOpened"))
                .isInstanceOf(UnknownEventTypeException.class);
    }

    @Test
    void rejectsAnUncataloguedEvent() {
        IntegrationEvent stray = () -> "x";

        assertThatThrownBy(() -> EventCatalog.typeOf(stray)).isInstanceOf(UnknownEventTypeException.class);
    }

    private static List<Class<?>> integrationEventClassesInThisJar() throws IOException, URISyntaxException {
        Path classes = Path.of(IntegrationEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString())
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .map(EventCatalogTest::load)
                    .filter(type -> IntegrationEvent.class.isAssignableFrom(type) && !type.isInterface())
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EventCatalogTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
