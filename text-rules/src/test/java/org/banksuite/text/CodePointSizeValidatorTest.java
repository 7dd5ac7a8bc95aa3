package org.banksuite.text;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code @Size} that openapi-generator writes for a {@code maxLength} counts code points once this jar is there. */
class CodePointSizeValidatorTest {

    private static final String EMOJI = "\uD83D\uDE00";

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    record Payment(@Size(max = 140) String text, @Size(max = 2) List<String> tags) {
    }

    @Test
    void countsStringsInCodePoints() {
        assertThat(validator.validate(new Payment(EMOJI.repeat(140), List.of()))).isEmpty();
        assertThat(validator.validate(new Payment(EMOJI.repeat(141), List.of()))).hasSize(1);
    }

    @Test
    void leavesCollectionsToTheBuiltInValidator() {
        assertThat(validator.validate(new Payment("x", List.of("a", "b", "c")))).hasSize(1);
    }
}
