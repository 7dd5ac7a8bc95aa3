package org.banksuite.launcher.demo;

/** A request the API refused, as its problem+json says: {@code type} is stable, {@code detail} is for people. */
public record Refusal(int status, String type, String detail) {
}
