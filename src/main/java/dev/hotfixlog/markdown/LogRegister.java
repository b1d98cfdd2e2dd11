package dev.hotfixlog.markdown;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The risk register as a full export's own section ("## Risk Register": a table for people and the details the
 * import reads back), written and restored by the register's feature within the export's and the import's
 * transactions. {@code App} hands it in; the Markdown feature does not know risks.
 */
public interface LogRegister {
    LogRegister NONE = new LogRegister() {
        @Override
        public Register write(Handle h) {
            return null;
        }

        @Override
        public void restore(Handle h, ArrayNode details, String actor) {}
    };

    /** The register as the page shows it; null when there is no risk. */
    Register write(Handle h);

    /** Brings a page's register back, after its records (whose Risk Accepted made their own risks). */
    void restore(Handle h, ArrayNode details, String actor);

    /** The table's lines (a Markdown table) and the details block's JSON. */
    record Register(List<String> table, ArrayNode details) {}
}
