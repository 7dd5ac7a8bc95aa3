package org.banksuite.proxy;

import org.banksuite.proxy.quota.domain.InvalidQuotaLimitsException;
import org.banksuite.proxy.quota.domain.QuotaLimits;
import org.banksuite.proxy.quota.domain.QuotaWindow;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuotaLimitsTest {

    @Test
    void windowsAreCalendarMinutesAndHoursReleasingTheReserveInTheirLastTenth() {
        Instant moment = Instant.parse("2026-11-22T12:34:56.789Z");

        assertThat(QuotaWindow.MINUTE.startOf(moment)).isEqualTo(Instant.parse("2026-11-22T12:34:00Z"));
        assertThat(QuotaWindow.MINUTE.reserveReleaseOf(moment)).isEqualTo(Instant.parse("2026-11-22T12:34:54Z"));
        assertThat(QuotaWindow.HOUR.endOf(moment)).isEqualTo(Instant.parse("2026-11-22T13:00:00Z"));
        assertThat(QuotaWindow.HOUR.reserveReleaseOf(moment)).isEqualTo(Instant.parse("2026-11-22T12:54:00Z"));
    }

    @Test
    void limitsWithoutAnyWindowOrWithANegativeCountOrAnExcessiveReserveAreRefused() {
        assertThatThrownBy(() -> new QuotaLimits(null, null, 0.2)).isInstanceOf(InvalidQuotaLimitsException.class);
        assertThatThrownBy(() -> new QuotaLimits(-1L, null, 0.2)).isInstanceOf(InvalidQuotaLimitsException.class);
        assertThatThrownBy(() -> new QuotaLimits(10L, null, 0.95)).isInstanceOf(InvalidQuotaLimitsException.class);
    }
}
