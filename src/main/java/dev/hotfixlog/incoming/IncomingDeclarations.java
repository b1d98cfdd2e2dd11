package dev.hotfixlog.incoming;

import dev.hotfixlog.error.HotfixLogException;
import dev.hotfixlog.hotfix.DeclareSource;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.json.MergePatch;
import java.util.Optional;

/** The declare page's {@code ?from=ALERT-12}: an incoming alert's draft, declared through {@link IncomingService}. */
public final class IncomingDeclarations implements DeclareSource {
    private final IncomingService service;

    public IncomingDeclarations(IncomingService service) {
        this.service = service;
    }

    @Override
    public Optional<Draft> draft(String from) {
        long id;
        IncomingAlert a;
        try {
            id = IncomingJson.parseId(from);
            a = service.get(id);
        } catch (HotfixLogException e) {
            return Optional.empty();
        }
        return Optional.of(new Draft(a.ref() + " (" + a.integration() + "): " + a.title(), service.draft(id)));
    }

    @Override
    public Hotfix declare(String from, MergePatch fields, String actor, String idempotencyKey) {
        return service.declare(IncomingJson.parseId(from), fields, actor, idempotencyKey);
    }
}
