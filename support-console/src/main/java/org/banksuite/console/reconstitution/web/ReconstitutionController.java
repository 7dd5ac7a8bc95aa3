package org.banksuite.console.reconstitution.web;

import java.time.Clock;
import java.util.UUID;

import org.banksuite.api.ops.client.model.ReconstitutionJob;
import org.banksuite.api.ops.client.model.ReconstitutionJobStatus;
import org.banksuite.console.deadletters.client.OpsAnswer;
import org.banksuite.console.reconstitution.client.Announcements;
import org.banksuite.console.reconstitution.client.JobsAcross;
import org.banksuite.console.reconstitution.client.ReconstitutionDesk;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reconstitution pages: the job form (receiver, producer, From, To, entity ids, event names, as the services
 * announce them) whose only button is a dry run; the jobs of every service in one table; a job's page with its
 * progress (polled as JSON by the page, no reload), a dry run's count and sample, its real run (shown to a
 * {@code support-lead} only; a service's 403 is a message) and cancellation with a reason. A form with bad input
 * comes back with what is wrong and nothing is sent.
 */
@Controller
@RequestMapping("/reconstitution")
public class ReconstitutionController {

    static final String OUTCOME = "outcome";
    static final String PROBLEM = "problem";

    private final ReconstitutionDesk desk;
    private final Clock clock = Clock.systemUTC();

    public ReconstitutionController(ReconstitutionDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    String page(@ModelAttribute("form") JobForm form, Model model) {
        return formPage(desk.announcements(), model);
    }

    @PostMapping("/dry-run")
    String dryRun(@ModelAttribute("form") JobForm form, Model model, RedirectAttributes flash) {
        Announcements announced = desk.announcements();
        JobFormCheck.Checked checked = JobFormCheck.check(form, announced);
        if (!checked.problems().isEmpty()) {
            model.addAttribute("formProblems", checked.problems());
            model.addAttribute(PROBLEM, "Nothing was sent: correct the form.");
            return formPage(announced, model);
        }
        OpsAnswer<ReconstitutionJob> answer = desk.dryRun(checked.service(), checked.request());
        if (!answer.succeeded()) {
            model.addAttribute(PROBLEM, answer.message());
            return formPage(announced, model);
        }
        flash.addFlashAttribute(OUTCOME, answer.message());
        return redirectToJob(checked.service(), answer.value().getJobId());
    }

    @GetMapping("/jobs/{service}/{jobId}")
    String job(@PathVariable String service, @PathVariable UUID jobId, Model model) {
        OpsAnswer<ReconstitutionJob> answer = desk.job(service, jobId);
        model.addAttribute("service", service);
        model.addAttribute("jobId", jobId);
        model.addAttribute("job", answer.value());
        if (answer.succeeded()) {
            model.addAttribute("progress", JobProgress.of(answer.value(), clock.instant()));
        } else {
            model.addAttribute(PROBLEM, answer.message());
        }
        return "reconstitution/job";
    }

    /** The job's progress for the page's poll: JSON, never an error page (a refusal is in {@code problem}). */
    @GetMapping("/jobs/{service}/{jobId}/progress")
    @ResponseBody
    JobProgress progress(@PathVariable String service, @PathVariable UUID jobId) {
        OpsAnswer<ReconstitutionJob> answer = desk.job(service, jobId);
        return answer.succeeded() ? JobProgress.of(answer.value(), clock.instant())
                : JobProgress.unknown(answer.message());
    }

    @PostMapping("/jobs/{service}/{jobId}/run")
    String run(@PathVariable String service, @PathVariable UUID jobId,
               @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        if (reason.isBlank()) {
            flash.addFlashAttribute(PROBLEM, "A reason is required to run the job; nothing was sent.");
            return redirectToJob(service, jobId);
        }
        OpsAnswer<ReconstitutionJob> dryRun = desk.job(service, jobId);
        if (!dryRun.succeeded()) {
            flash.addFlashAttribute(PROBLEM, dryRun.message());
            return redirectToJob(service, jobId);
        }
        if (!Boolean.TRUE.equals(dryRun.value().getDryRun())
                || dryRun.value().getStatus() != ReconstitutionJobStatus.COMPLETED) {
            flash.addFlashAttribute(PROBLEM, "Only a completed dry run can be run for real; nothing was sent.");
            return redirectToJob(service, jobId);
        }
        OpsAnswer<ReconstitutionJob> answer = desk.run(service, dryRun.value(), reason);
        if (!answer.succeeded()) {
            flash.addFlashAttribute(PROBLEM, answer.message());
            return redirectToJob(service, jobId);
        }
        flash.addFlashAttribute(OUTCOME, answer.message());
        return redirectToJob(service, answer.value().getJobId());
    }

    @PostMapping("/jobs/{service}/{jobId}/cancellation")
    String cancel(@PathVariable String service, @PathVariable UUID jobId,
                  @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        if (reason.isBlank()) {
            flash.addFlashAttribute(PROBLEM, "A reason is required to cancel; nothing was cancelled.");
            return redirectToJob(service, jobId);
        }
        OpsAnswer<ReconstitutionJob> answer = desk.cancel(service, jobId, reason);
        flash.addFlashAttribute(answer.succeeded() ? OUTCOME : PROBLEM, answer.message());
        return redirectToJob(service, jobId);
    }

    private String formPage(Announcements announced, Model model) {
        JobsAcross jobs = desk.jobs();
        model.addAttribute("announced", announced);
        model.addAttribute("jobs", jobs.rows());
        model.addAttribute("unavailable", java.util.stream.Stream.concat(announced.unavailable().stream(),
                jobs.unavailable().stream()).distinct().toList());
        return "reconstitution/list";
    }

    private static String redirectToJob(String service, UUID jobId) {
        return "redirect:" + UriComponentsBuilder.fromPath("/reconstitution/jobs/{service}/{jobId}")
                .buildAndExpand(service, jobId).encode().toUriString();
    }
}
