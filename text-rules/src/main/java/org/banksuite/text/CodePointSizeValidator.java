package org.banksuite.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

/**
 * {@code @Size} on a {@code String}, counted in Unicode code points as the OpenAPI specs' {@code maxLength} (JSON
 * Schema) counts, and as {@link TextRule} counts. Without it, the {@code @Size} that openapi-generator writes for a
 * {@code maxLength} counts UTF-16 units, and 71 emoji would break a limit of 140. Hibernate Validator finds it through
 * {@code META-INF/services/jakarta.validation.ConstraintValidator} and, {@code String} being more specific than
 * {@code CharSequence}, prefers it to its own for strings; collections and other types keep the built-in validators.
 */
public class CodePointSizeValidator implements ConstraintValidator<Size, String> {

    private int min;
    private int max;

    @Override
    public void initialize(Size size) {
        this.min = size.min();
        this.max = size.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int length = TextRule.length(value);
        return length >= min && length <= max;
    }
}
