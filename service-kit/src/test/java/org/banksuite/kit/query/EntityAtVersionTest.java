package org.banksuite.kit.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityAtVersionTest {

    @Test
    void readsTheIdLowercasedAndTheVersion() {
        assertThat(EntityAtVersion.parse("3F2A6C1E-0B7D-4C55-9E0A-1D2B3C4D5E6F:12"))
                .isEqualTo(new EntityAtVersion("3f2a6c1e-0b7d-4c55-9e0a-1d2b3c4d5e6f", 12));
    }

    @Test
    void refusesAValueWithoutAVersionAsAnInvalidMinVersion() {
        assertThatThrownBy(() -> EntityAtVersion.parse("3f2a6c1e-0b7d-4c55-9e0a-1d2b3c4d5e6f"))
                .isInstanceOf(InvalidMinVersionException.class);
        assertThatThrownBy(() -> EntityAtVersion.parse("3f2a6c1e:x"))
                .isInstanceOf(InvalidMinVersionException.class);
    }
}
