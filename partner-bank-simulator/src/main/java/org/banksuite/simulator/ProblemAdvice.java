package org.banksuite.simulator;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as RFC 9457 problem+json: the simulator's own refusals and Spring MVC's (malformed JSON, 404, 405). */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(SimulatorProblem.class)
    ResponseEntity<ProblemDetail> problem(SimulatorProblem problem) {
        return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "the body is not JSON of the expected shape");
        problem.setType(SimulatorProblem.MALFORMED_REQUEST);
        problem.setTitle("Malformed request");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing && "Idempotency-Key".equalsIgnoreCase(missing.getHeaderName())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "a payment needs an Idempotency-Key header");
            problem.setType(SimulatorProblem.IDEMPOTENCY_KEY_MISSING);
            problem.setTitle("Idempotency-Key missing");
            return handleExceptionInternal(ex, problem, headers, status, request);
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }
}
