package org.banksuite.kit.processing;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs every event handler of a processor (projections, publishers, inbound translation, sagas) inside a savepoint of
 * the processor's transaction, rolled back when the handler fails. Without it, a statement PostgreSQL refuses (a NUL
 * character in a text, say) aborts the whole transaction: the dead-letter queue could not store the letter in it, and
 * the processor would retry the batch forever. With it, the failed handler's writes are undone, the letter is stored,
 * and the batch's other events commit. Aggregates' event-sourcing handlers are left alone (they write nothing).
 */
public class HandlerSavepoints implements HandlerEnhancerDefinition {

    private final PlatformTransactionManager transactions;
    private final DefaultTransactionDefinition nested =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    public HandlerSavepoints(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean eventHandler = original.canHandleMessageType(EventMessage.class)
                && original.annotationAttributes(EventHandler.class).isPresent()
                && original.annotationAttributes(EventSourcingHandler.class).isEmpty();
        return eventHandler ? new InSavepoint<>(original) : original;
    }

    private final class InSavepoint<T> extends WrappedMessageHandlingMember<T> {

        private InSavepoint(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target);
            }
            TransactionStatus savepoint = transactions.getTransaction(nested);
            Object result;
            try {
                result = super.handle(message, target);
            } catch (Exception | Error failure) {
                rollBack(savepoint, failure);
                throw failure;
            }
            transactions.commit(savepoint);
            return result;
        }

        private void rollBack(TransactionStatus savepoint, Throwable failure) {
            try {
                transactions.rollback(savepoint);
            } catch (RuntimeException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
        }
    }
}
