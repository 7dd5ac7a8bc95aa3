package org.banksuite.kit.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeysetCursorTest {

    private final KeysetCursor postings = new KeysetCursor("p1");

    @Test
    void givesBackThePositionItEncoded() {
        assertThat(postings.decode(postings.encode(42))).isEqualTo(42);
    }

    @Test
    void refusesTheCursorOfAnotherList() {
        String transfers = new KeysetCursor("t1").encode(42);
        assertThatThrownBy(() -> postings.decode(transfers)).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void refusesTextThatIsNoCursor() {
        assertThatThrownBy(() -> postings.decode("bogus")).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> postings.decode("%%%")).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void givesBackThePositionOfTheSameOwnersList() {
        assertThat(postings.decode("account-a", postings.encode("account-a", 42))).isEqualTo(42);
    }

    @Test
    void refusesTheCursorOfAnotherOwnersList() {
        String ofB = postings.encode("account-b", 42);
        assertThatThrownBy(() -> postings.decode("account-a", ofB)).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> postings.decode(ofB)).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> postings.decode("account-a", postings.encode(42)))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void tellsApartOwnerKeysThatContainTheSeparator() {
        String tricky = postings.encode("a:1", 5);
        assertThatThrownBy(() -> postings.decode("a", tricky)).isInstanceOf(InvalidCursorException.class);
    }
}
