package org.banksuite.transfers.transfer.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.banksuite.kit.web.SuiteProblemHandler;
import org.banksuite.money.InvalidAmountException;
import org.banksuite.transfers.transfer.domain.TransferRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.DatabindException;

import static org.banksuite.transfers.transfer.web.TransferRequestProblem.*;

/**
 * Every error of the transfers API as {@code application/problem+json} with a stable type: the suite's common
 * problems from {@link SuiteProblemHandler}, and the transfers API's own. Bean validation of the amount and the
 * creditor answers the same problem types as the content checks of {@link TransferRequestValidation}, so that a
 * client sees one type for one mistake, whichever layer catches it.
 */
@RestControllerAdvice
class ProblemHandler extends SuiteProblemHandler {

    static final URI TRANSFER_NOT_FOUND = problemType("transfer-not-found");
    static final URI NOT_FOUND = problemType("not-found");

    private static final String PATTERN = "Pattern";

    @ExceptionHandler(TransferNotFoundException.class)
    ProblemDetail transferNotFound(TransferNotFoundException e) {
        return transferNotFound();
    }

    /** Another customer's account, or one not known (yet): the same answer, so that existence is not disclosed. */
    @ExceptionHandler(AccountNotFoundException.class)
    ProblemDetail accountNotFound(AccountNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", "No such account");
    }

    @ExceptionHandler(TransferRequestRefusedException.class)
    ProblemDetail refused(TransferRequestRefusedException e) {
        return problem(e.problem(), e.getMessage());
    }

    /** The transfer itself refused what the checks let through (a date that passed at midnight meanwhile, say). */
    @ExceptionHandler({TransferRefusedException.class, InvalidAmountException.class})
    ProblemDetail refusedByTheTransfer(IllegalArgumentException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, INVALID_REQUEST, "Invalid request", e.getMessage());
    }


    /** A transfer id that is not a UUID names no transfer. */
    @Override
    protected ProblemDetail parameterTypeMismatch(String parameter, MethodArgumentTypeMismatchException e) {
        return "transferId".equals(parameter) ? transferNotFound() : super.parameterTypeMismatch(parameter, e);
    }

    /** Every field the JSON binding refuses is typed (UUIDs, the date): the body is not of the expected shape. */
    @Override
    protected ProblemDetail unreadableField(String field, DatabindException cause) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, MALFORMED_REQUEST, "Malformed request",
                field + " is not of the expected type (a UUID, a date as YYYY-MM-DD)");
        problem.setProperty("errors", List.of(fieldError(field, "is not of the expected type")));
        return problem;
    }

    /**
     * A field missing, or a text too long or empty, is {@code invalid-request}. When every failing field is one a
     * content check covers (an amount or currency not of their pattern, a creditor's numbers), the first such check
     * in the spec's order answers with its own type.
     */
    @Override
    protected ProblemDetail invalidFields(List<FieldError> errors) {
        List<Optional<TransferRequestProblem>> problems = errors.stream().map(ProblemHandler::contentCheck).toList();
        if (errors.isEmpty() || problems.stream().anyMatch(Optional::isEmpty)) {
            return super.invalidFields(errors);
        }
        TransferRequestProblem first = problems.stream().map(Optional::orElseThrow)
                .min(Comparator.naturalOrder()).orElseThrow();
        List<FieldError> itsErrors = errors.stream().filter(error -> contentCheck(error).orElseThrow() == first).toList();
        FieldError error = itsErrors.getFirst();
        ProblemDetail problem = problem(first, error.getField() + " " + error.getDefaultMessage());
        problem.setProperty("errors", itsErrors.stream()
                .map(each -> fieldError(each.getField(), String.valueOf(each.getDefaultMessage()))).toList());
        return problem;
    }

    private static Optional<TransferRequestProblem> contentCheck(FieldError error) {
        String field = error.getField();
        if (field.startsWith("creditor.")) {
            return Optional.of(INVALID_CREDITOR);
        }
        if (PATTERN.equals(error.getCode()) && "amount.amount".equals(field)) {
            return Optional.of(INVALID_AMOUNT);
        }
        if (PATTERN.equals(error.getCode()) && "amount.currency".equals(field)) {
            return Optional.of(UNSUPPORTED_CURRENCY);
        }
        return Optional.empty();
    }

    private static ProblemDetail problem(TransferRequestProblem problem, String detail) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, problem.type(), problem.title(), detail);
    }

    private static ProblemDetail transferNotFound() {
        return problem(HttpStatus.NOT_FOUND, TRANSFER_NOT_FOUND, "Transfer not found", "No such transfer");
    }
}
