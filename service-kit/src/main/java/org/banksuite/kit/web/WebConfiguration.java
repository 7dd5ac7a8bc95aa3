package org.banksuite.kit.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The HTTP edge every service shares: strict JSON request reading, and problem+json for the container's errors. */
@Configuration(proxyBeanMethods = false)
@Import({StrictJsonRequests.class, ProblemErrorController.class})
public class WebConfiguration {
}
