package dev.hotfixlog.migrate;

import dev.hotfixlog.hotfix.RecordChange;
import dev.hotfixlog.hotfix.RecordListener;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/**
 * A hotfix moved in and then deleted here stays deleted: its link is marked, in the deletion's transaction, and a
 * later run skips its source record with that reason instead of bringing it back.
 */
public final class MigrationLinks implements RecordListener {
    private final Clock clock;
    private final MigrationRepository repo = new MigrationRepository();

    public MigrationLinks(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onChange(Handle h, RecordChange change) {
        if (change.kind() == RecordChange.Kind.DELETED) {
            repo.markDeleted(h, change.before().id().toString(), clock.millis());
        }
    }
}
