package dev.hotfixlog.chat.internal;

import dev.hotfixlog.chat.ChatInbound;
import dev.hotfixlog.error.ForbiddenException;
import dev.hotfixlog.error.RemoteException;
import dev.hotfixlog.security.Account;
import dev.hotfixlog.security.AccountService;
import dev.hotfixlog.security.Sha256;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.web.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a chat user is in the log: the account linked to them, by the e-mail address their workspace verified
 * (an account whose name is that address) or by a one-time code the account asked for. The account's role is
 * read on every action, so a role taken away on the web is taken away in the chat at once.
 */
public final class People {
    /** How long a link code may wait to be typed. */
    public static final Duration CODE_LIFE = Duration.ofMinutes(10);

    /** Wrong codes one chat user may type within {@link #GUESS_WINDOW} before {@code link} is refused a while. */
    public static final int MAX_WRONG_CODES = 5;

    public static final Duration GUESS_WINDOW = Duration.ofMinutes(10);
    /** Codes one account may have waiting at once: asking for another drops the oldest. */
    public static final int MAX_LIVE_CODES = 3;
    /**
     * Letters of a code: 12 of 32 (60 bits). With {@link #MAX_WRONG_CODES} tries per person and
     * {@link #MAX_LIVE_CODES} codes alive, a guess hits one in about 4·10^17.
     */
    static final int CODE_LENGTH = 12;

    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final ChatRepository repo = new ChatRepository();
    private final SecureRandom random = new SecureRandom();
    private final Database db;
    private final AccountService accounts;
    private final Clock clock;

    public People(Database db, AccountService accounts, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A person acting from a chat: their account, its role now, and the name history records. */
    public record Actor(String username, Role role, String name) {
        /** Refuses what the role does not cover, worded as the web's gate words it. */
        public void require(Role needed, String what) {
            if (!role.covers(needed)) {
                throw new ForbiddenException(
                        username + " has the role " + role.json() + "; " + what + " needs " + needed.json());
            }
        }
    }

    /** The account this chat user acts as, linking it by their verified e-mail the first time; empty when none. */
    public Optional<Actor> who(Workspace w, ChatInbound.Person p) {
        Optional<String> linked = db.read(h -> repo.linkedAccount(h, w.path(), p.workspace(), p.user()));
        if (linked.isEmpty()) {
            linked = byEmail(w, p);
        }
        return linked.flatMap(accounts::find)
                .map((Account a) -> new Actor(a.username(), a.role(), a.username() + w.via()));
    }

    private Optional<String> byEmail(Workspace w, ChatInbound.Person p) {
        String email;
        try {
            email = w.talk().verifiedEmail(p.user());
        } catch (RemoteException e) {
            if (e.getCause() != null) {
                // Slow or away (a timeout, a refused connection, an HTTP error): not "unlinked". The request is run
                // again later from the ChatInbox, so a declaration is not lost to a chat API that hangs.
                throw e;
            }
            return Optional.empty(); // the chat answered: no users:read.email scope, say; the code still links
        }
        if (email == null) {
            return Optional.empty();
        }
        String name = email.toLowerCase(Locale.ROOT);
        Optional<Account> account = accounts.find(name).or(() -> accounts.find(email));
        account.ifPresent(a -> {
            try {
                db.write(h -> {
                    repo.link(h, w.path(), p.workspace(), p.user(), a.username(), "email", clock.millis());
                    return null;
                });
            } catch (RuntimeException e) {
                // Two first requests of one person at once: the other linked them to the same account.
                if (!Duplicates.isDuplicateKey(e)) {
                    throw e;
                }
            }
        });
        return account.map(Account::username);
    }

    /** A new one-time code for this account: typed as {@code /hotfix link CODE} within {@link #CODE_LIFE}. */
    public String newCode(String username) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < CODE_LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        }
        String code = b.toString();
        db.write(h -> {
            repo.addCode(h, Sha256.hex(code), username, clock.millis() + CODE_LIFE.toMillis());
            repo.keepNewestCodes(h, username, clock.millis(), MAX_LIVE_CODES);
            return null;
        });
        return code;
    }

    /** Links the chat user to the code's account; the account's name, or empty for an unknown or used code. */
    public Optional<String> redeem(Workspace w, ChatInbound.Person p, String code) {
        String hash = Sha256.hex(code.strip().toUpperCase(Locale.ROOT));
        return db.write(h -> {
            Optional<String> who = repo.redeem(h, hash, clock.millis());
            who.ifPresent(name -> repo.link(h, w.path(), p.workspace(), p.user(), name, "code", clock.millis()));
            return who;
        });
    }
}
