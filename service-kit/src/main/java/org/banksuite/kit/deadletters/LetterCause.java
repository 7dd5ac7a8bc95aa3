package org.banksuite.kit.deadletters;

/** Why a letter's handling failed: the exception's class name and message. */
public record LetterCause(String type, String message) {
}
