package dev.hotfixlog.notify;

/**
 * One kind of channel, whole: the word that starts its entries in {@code HOTFIX_CHANNELS}, how it reads the target
 * written after that word, where it says it goes, and how it delivers a message (its payload and its sender).
 * Adding a kind is one class implementing this and one line in {@code App}'s list; nothing else in {@code notify}
 * names a kind.
 */
public interface ChannelKind {
    /** Its word in {@code HOTFIX_CHANNELS}, and the default name of its channels: a-z, 0-9, - and _. */
    String name();

    /** What its target looks like, for the error that says one is missing ({@code https://…}). */
    String example();

    /**
     * Refuses a target this kind cannot deliver to, with a {@link dev.hotfixlog.error.ValidationException} on
     * {@link Channel#SETTING} whose message begins with {@code where} (the entry, its secrets left out).
     */
    void checkTarget(String where, String target);

    /** Where a target goes, without a secret (a webhook URL's path): for pages, logs and the API. */
    String shownTarget(String target);

    /** Hands one message to one channel of this kind; throws with a short reason when it did not land. */
    void send(Channel channel, QueuedMessage message) throws DeliveryFailure;
}
