package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.Status;
import java.util.List;

/** A source record as our record's fields (a merge patch), where it stands, and what the mapping noticed. */
record Mapped(ObjectNode fields, Status status, List<String> notes) {}
