package org.banksuite.console.audit.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.banksuite.api.ops.client.model.AuditAction;
import org.banksuite.console.audit.client.AuditDesk;
import org.banksuite.console.audit.client.AuditLog;
import org.banksuite.console.audit.client.AuditQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit page: who did what, when and why, across every service's audit log, newest first; filters service,
 * person, action, entity (a sequence or job id, or outcome text) and a time range (UTC). A time that does not read
 * as one is named in a message and left out; a service that does not answer shows as unavailable.
 */
@Controller
public class AuditController {

    private final AuditDesk desk;

    public AuditController(AuditDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String service, @RequestParam(required = false) String person,
                 @RequestParam(required = false) String action, @RequestParam(required = false) String entity,
                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 Model model) {
        List<String> problems = new ArrayList<>();
        Instant since = time("From", from, problems);
        Instant until = time("To", to, problems);
        if (since != null && until != null && !until.isAfter(since)) {
            problems.add("From must be before To; the time range was left out.");
            since = null;
            until = null;
        }
        AuditLog log = desk.list(new AuditQuery(service, person, action, entity, since, until));
        model.addAttribute("services", desk.serviceNames());
        model.addAttribute("actions", List.of(AuditAction.values()));
        model.addAttribute("filter", new Filter(blank(service), blank(person), blank(action), blank(entity),
                blank(from), blank(to)));
        model.addAttribute("rows", log.rows());
        model.addAttribute("unavailable", log.unavailable());
        if (!problems.isEmpty()) {
            model.addAttribute("problem", String.join(" ", problems));
        }
        return "audit/list";
    }

    /** The filters as typed, to show them again. */
    public record Filter(String service, String person, String action, String entity, String from, String to) {
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    private static Instant time(String field, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notATime) {
            problems.add(field + " is not a date and time (UTC, e.g. 2026-12-01T10:30); that filter was left out.");
            return null;
        }
    }
}
