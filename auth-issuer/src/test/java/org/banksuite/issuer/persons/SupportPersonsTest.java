package org.banksuite.issuer.persons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.banksuite.issuer.state.StateDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupportPersonsTest {

    @TempDir
    Path directory;

    @Test
    void createsTheAgentAndTheLeadWithGeneratedPasswordsInOwnerOnlyFiles() throws IOException {
        List<SupportPerson> persons = SupportPersons.loadOrCreate(StateDirectory.at(directory));

        assertThat(persons).extracting(SupportPerson::username, SupportPerson::roles).containsExactly(
                org.assertj.core.groups.Tuple.tuple("support.agent", List.of("support")),
                org.assertj.core.groups.Tuple.tuple("support.lead", List.of("support", "support-lead")));
        assertThat(persons).extracting(SupportPerson::password).doesNotHaveDuplicates()
                .allSatisfy(password -> assertThat(password).matches("[A-Za-z0-9_-]{32}"));
        for (String file : List.of(SupportPersons.PASSWORDS_FILE, SupportPersons.ROLES_FILE)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(file))))
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(directory.resolve(SupportPersons.PASSWORDS_FILE)))
                .contains("support.lead=" + persons.get(1).password());
    }

    @Test
    void keepsThePasswordsItHasAndGivesAPersonListedLaterOne() throws IOException {
        List<SupportPerson> first = SupportPersons.loadOrCreate(StateDirectory.at(directory));
        Files.writeString(directory.resolve(SupportPersons.ROLES_FILE), "\nsupport.night=support\n",
                java.nio.file.StandardOpenOption.APPEND);

        List<SupportPerson> again = SupportPersons.loadOrCreate(StateDirectory.at(directory));

        assertThat(again).hasSize(3).containsAll(first);
        assertThat(again).filteredOn(person -> person.username().equals("support.night")).singleElement()
                .satisfies(person -> assertThat(person.roles()).containsExactly("support"));
    }

    @Test
    void refusesAPersonNamedAsAClientOrHoldingARoleThatIsNotSupport() throws IOException {
        Files.writeString(directory.resolve(SupportPersons.ROLES_FILE), "support-lead=support,support-lead\n");
        assertThatThrownBy(() -> SupportPersons.loadOrCreate(StateDirectory.at(directory)))
                .hasMessageContaining("is a client's id");

        Files.writeString(directory.resolve(SupportPersons.ROLES_FILE), "mallory=support,admin\n");
        assertThatThrownBy(() -> SupportPersons.loadOrCreate(StateDirectory.at(directory)))
                .hasMessageContaining("has role admin");
    }
}
