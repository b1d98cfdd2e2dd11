package dev.hotfixlog.incoming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.json.MergePatch;
import java.util.List;

/**
 * Incoming alerts: what the monitoring sent, and a responder's decision on each. The CLI, the REST API and the
 * pages call this; {@link LocalIncomingService} runs it on the database, {@link IncomingApiClient} over REST.
 * Deliveries come in through {@link AlertIntake}, which only the server has.
 */
public interface IncomingService {
    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 500;

    /** Newest first; {@code state} null means every state. */
    List<IncomingAlert> list(IncomingAlert.State state, int limit);

    /** One, with its alerts and its deliveries. */
    IncomingAlert get(long id);

    /** The record a declaration from it starts with, as a merge patch in the API's names. */
    ObjectNode draft(long id);

    /**
     * Declares a hotfix from it: its draft with {@code fields} merged over it (the decision tree's answers under
     * {@code triage}, whatever the responder changed). Declaring it again returns the same hotfix.
     */
    Hotfix declare(long id, MergePatch fields, String actor, String idempotencyKey);

    /** Decides it is not a hotfix: {@code not-a-hotfix}, {@code noise} or {@code duplicate} (with what of). */
    IncomingAlert dismiss(long id, Outcome outcome, String note, String actor);

    /** The incoming alerts a hotfix was declared from. */
    List<IncomingAlert> ofHotfix(String hotfixId);
}
