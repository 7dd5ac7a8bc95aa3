package org.banksuite.kit.reconstitution.web;

import java.net.URI;
import org.banksuite.kit.deadletters.web.OpsProblemHandler;
import org.banksuite.kit.reconstitution.InvalidJobException;
import org.banksuite.kit.reconstitution.JobFinishedException;
import org.banksuite.kit.reconstitution.JobNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The jobs' problems, besides the ops API's common ones (a malformed body, a job that needs support-lead). */
@RestControllerAdvice(assignableTypes = ReconstitutionJobsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReconstitutionProblemHandler extends OpsProblemHandler {

    static final URI JOB_NOT_FOUND = problemType("reconstitution-job-not-found");
    static final URI JOB_FINISHED = problemType("reconstitution-job-finished");

    @ExceptionHandler(InvalidJobException.class)
    ProblemDetail invalidJob(InvalidJobException e) {
        return invalid(e.getMessage(), e.problems().stream().map(p -> fieldError(p.field(), p.message())).toList());
    }

    @ExceptionHandler(JobNotFoundException.class)
    ProblemDetail jobNotFound(JobNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, JOB_NOT_FOUND, "Reconstitution job not found", e.getMessage());
    }

    @ExceptionHandler(JobFinishedException.class)
    ProblemDetail jobFinished(JobFinishedException e) {
        return problem(HttpStatus.CONFLICT, JOB_FINISHED, "Reconstitution job already ended", e.getMessage());
    }
}
