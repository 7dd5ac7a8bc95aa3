package org.banksuite.adapter.core;

/** What a saga needs to work with the core, handed to its handlers as one resource. */
public record CoreAccess(CoreGateway gateway, CoreAccountNumbers numbers, CoreRetries retries) {
}
