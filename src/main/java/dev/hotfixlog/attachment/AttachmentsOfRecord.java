package dev.hotfixlog.attachment;

import dev.hotfixlog.hotfix.RecordChange;
import dev.hotfixlog.hotfix.RecordListener;
import dev.hotfixlog.security.SecretRedactor;
import java.time.Clock;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * A deleted hotfix takes its evidence with it, in its own transaction: each attachment is marked deleted (who,
 * when, why) and its bytes are forgotten unless another live attachment holds the same content. What existed
 * stays listed. The deletion itself is in the audit log, as every change is.
 */
public final class AttachmentsOfRecord implements RecordListener {
    private final Clock clock;
    private final SecretRedactor redactor;
    private final AttachmentRepository repo = new AttachmentRepository();

    public AttachmentsOfRecord(Clock clock, SecretRedactor redactor) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    @Override
    public void onChange(Handle h, RecordChange change) {
        if (change.kind() != RecordChange.Kind.DELETED) {
            return;
        }
        Owner owner = Owner.hotfix(change.before().id());
        String who = redactor.redact(change.actor()).text();
        long now = clock.millis();
        for (Attachment a : repo.list(h, owner, false)) {
            repo.markDeleted(h, a.id(), who, "its hotfix " + owner + " was deleted", now);
            repo.forgetUnheld(h, a.sha256());
        }
    }
}
