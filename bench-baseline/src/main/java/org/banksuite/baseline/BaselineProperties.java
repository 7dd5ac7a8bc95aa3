package org.banksuite.baseline;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The baseline's own settings.
 *
 * @param topic where each booked transfer is published as a {@code TransferBooked} JSON record
 */
@ConfigurationProperties("baseline")
public record BaselineProperties(String topic) {
}
