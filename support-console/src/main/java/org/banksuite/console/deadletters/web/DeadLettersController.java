package org.banksuite.console.deadletters.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.banksuite.api.ops.client.model.DeadLetterSequenceDetail;
import org.banksuite.console.deadletters.client.DeadLetterDesk;
import org.banksuite.console.deadletters.client.LetterQuery;
import org.banksuite.console.deadletters.client.LetterRow;
import org.banksuite.console.deadletters.client.OpsAnswer;
import org.banksuite.console.deadletters.client.ServiceLetters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dead-letter pages: the list across every service (filters: service, entity, event type, cause text, older
 * than), one sequence's detail, and the actions retry one, retry all of a service and evict with a reason. After an
 * action the page shows at once what the service answered (a flash message); a refusal (403 for a person without
 * {@code support-lead}, a service that does not answer) is shown as a message, never as an error page.
 */
@Controller
@RequestMapping("/dead-letters")
public class DeadLettersController {

    static final String OUTCOME = "outcome";
    static final String PROBLEM = "problem";

    private final DeadLetterDesk desk;
    private final Clock clock = Clock.systemUTC();

    public DeadLettersController(DeadLetterDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    String list(@ModelAttribute("filter") LetterQuery filter, BindingResult filterErrors, Model model) {
        if (filterErrors.hasErrors()) {
            model.addAttribute(PROBLEM, "\"Older than\" takes a whole number of minutes; that filter was left out.");
            filter = new LetterQuery(filter.service(), filter.entity(), filter.eventType(), filter.cause(), null);
        }
        List<ServiceLetters> answers = desk.list(filter);
        Instant now = clock.instant();
        List<LetterRow> rows = answers.stream().flatMap(answer -> answer.rows().stream())
                .sorted(Comparator.comparing(LetterRow::firstFailure)).toList();
        model.addAttribute("services", desk.serviceNames());
        model.addAttribute("rows", rows);
        model.addAttribute("ages", rows.stream().map(row -> Ages.of(row.age(now))).toList());
        model.addAttribute("unavailable", answers.stream().filter(answer -> !answer.available()).toList());
        return "deadletters/list";
    }

    @GetMapping("/{service}/{processingGroup}/{sequenceId}")
    String detail(@PathVariable String service, @PathVariable String processingGroup, @PathVariable String sequenceId,
                  Model model) {
        OpsAnswer<DeadLetterSequenceDetail> answer = desk.detail(service, processingGroup, sequenceId);
        model.addAttribute("service", service);
        model.addAttribute("processingGroup", processingGroup);
        model.addAttribute("sequenceId", sequenceId);
        model.addAttribute("sequence", answer.value());
        if (!answer.succeeded()) {
            model.addAttribute(PROBLEM, answer.message());
        }
        return "deadletters/detail";
    }

    @PostMapping("/{service}/{processingGroup}/{sequenceId}/retry")
    String retry(@PathVariable String service, @PathVariable String processingGroup, @PathVariable String sequenceId,
                 RedirectAttributes flash) {
        OpsAnswer<?> answer = desk.retry(service, processingGroup, sequenceId);
        flash(flash, answer);
        return "redirect:/dead-letters";
    }

    @PostMapping("/{service}/retry-all")
    String retryAll(@PathVariable String service, RedirectAttributes flash) {
        flash(flash, desk.retryAll(service));
        return "redirect:/dead-letters";
    }

    @PostMapping("/{service}/{processingGroup}/{sequenceId}/eviction")
    String evict(@PathVariable String service, @PathVariable String processingGroup, @PathVariable String sequenceId,
                 @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        if (reason.isBlank()) {
            flash.addFlashAttribute(PROBLEM, "A reason is required to evict; nothing was evicted.");
            return "redirect:" + UriComponentsBuilder.fromPath("/dead-letters/{service}/{group}/{sequence}")
                    .buildAndExpand(service, processingGroup, sequenceId).encode().toUriString();
        }
        flash(flash, desk.evict(service, processingGroup, sequenceId, reason));
        return "redirect:/dead-letters";
    }

    private static void flash(RedirectAttributes flash, OpsAnswer<?> answer) {
        flash.addFlashAttribute(answer.succeeded() ? OUTCOME : PROBLEM, answer.message());
    }
}
