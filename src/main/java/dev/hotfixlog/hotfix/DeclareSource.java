package dev.hotfixlog.hotfix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.MergePatch;
import java.util.Optional;

/**
 * Where a declaration can start from other than a blank form: an incoming alert, say. The declare page passes
 * its {@code from} reference here for the prefilled record and, on submit, declares through it, so the source
 * links the hotfix to what raised it. {@code App} hands one in; the record feature does not know who it is.
 */
public interface DeclareSource {
    DeclareSource NONE = new DeclareSource() {
        @Override
        public Optional<Draft> draft(String from) {
            return Optional.empty();
        }

        @Override
        public Hotfix declare(String from, MergePatch fields, String actor, String idempotencyKey) {
            throw new IllegalStateException("no declaration source is wired");
        }
    };

    /** The record to start from and a line saying where it comes from; empty when {@code from} names nothing. */
    Optional<Draft> draft(String from);

    /** Declares the hotfix from the source with the form's fields over its draft. */
    Hotfix declare(String from, MergePatch fields, String actor, String idempotencyKey);

    /**
     * @param heading what the form says it declares from ("ALERT-12 from alertmanager/prod: …")
     * @param record  the prefilled record, in the API's names
     */
    record Draft(String heading, ObjectNode record) {}
}
