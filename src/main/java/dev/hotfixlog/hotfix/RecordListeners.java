package dev.hotfixlog.hotfix;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** The listeners of a log, told in the order given; one that throws stops the rest and undoes the write. */
public final class RecordListeners {
    public static final RecordListeners NONE = new RecordListeners(List.of());
    private final List<RecordListener> listeners;

    private RecordListeners(List<RecordListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public static RecordListeners of(RecordListener... listeners) {
        return new RecordListeners(List.of(listeners));
    }

    public void tell(Handle h, RecordChange change) {
        for (RecordListener l : listeners) {
            l.onChange(h, change);
        }
    }
}
