package dev.hotfixlog.chat;

import dev.hotfixlog.security.Integration;
import dev.hotfixlog.security.Integrations;
import dev.hotfixlog.security.Proof;
import dev.hotfixlog.security.SenderKind;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One chat the log is driven from, whole: its name (its word in {@code HOTFIX_INTEGRATIONS} and its part of the
 * URLs {@code /api/v1/chat/<name>/{workspace}/commands} and {@code …/interactions}), how its requests prove
 * themselves ({@link #sender}: checked by {@code security.Integrations}, the one place signatures are checked),
 * how a verified request reads ({@link #read}) and how the log answers it ({@link #talk}). Adding a chat
 * (Mattermost, Teams) is one class implementing this and one line in {@code App.variants}; the routes, the
 * commands, the people and the announcements are shared.
 */
public interface ChatPlatform {
    /** Its word in {@code HOTFIX_INTEGRATIONS} and its part of the URL: a-z, 0-9 and -. */
    String name();

    /** Its name as people say it: history and audit say "via" it. */
    String label();

    /** How its requests are signed, and the options ({@code token=}, {@code channel=}, …) an entry may give. */
    SenderKind sender();

    /**
     * What one verified request asks for. {@code form} is the request's form (chats post forms); a request it
     * does not act on is {@link ChatInbound.Ignored}; one it cannot read is a
     * {@link dev.hotfixlog.error.BadRequestException}.
     */
    ChatInbound read(ChatInbound.Route route, Map<String, List<String>> form);

    /** How the log talks back to the workspace of this entry (its token, its API's address). */
    ChatTalk talk(Integration workspace);

    /**
     * The synchronous answer to a submitted declare form whose decision tree says it is no hotfix: the platform's
     * body for the submission's own HTTP answer, shown in place of the form. Nothing is stored.
     */
    String notAHotfix(String advice);

    /**
     * The synchronous answer to a submitted declare form with fields to fix ({@code errors}: the form's field, as
     * {@link ChatInbound.Submission#answers} names it, to what is wrong): shown next to each field, the form kept
     * open with what the person typed.
     */
    String formErrors(Map<String, String> errors);

    /**
     * {@code text} (anything a person or a record supplied) made inert in this chat's markup: it shows as typed and
     * mentions, links and formatting in it do nothing. Every text the log sends that holds such data is built
     * with it; the default is for a chat whose answers are not marked up.
     */
    default String escape(String text) {
        return text;
    }

    /**
     * True for a request the chat sends to check the URL itself, unsigned, that asks for nothing (Slack's
     * {@code ssl_check=1}): answered 200 with an empty body before any verification, and acted on in no way.
     */
    default boolean isUrlCheck(ChatInbound.Route route, Request request) {
        return false;
    }

    /**
     * One request as received, bounded already: what a chat that posts JSON (Mattermost's buttons and dialogs,
     * Teams) reads instead of a form.
     *
     * @param form the body read as a form, on demand
     */
    record Request(
            String contentType, byte[] body, UnaryOperator<String> headers, Supplier<Map<String, List<String>>> form) {}

    /** What one verified request asks for; by default its form ({@link #read(ChatInbound.Route, Map)}). */
    default ChatInbound read(ChatInbound.Route route, Request request) {
        return read(route, request.form().get());
    }

    /**
     * How this request proves it comes from the workspace when that is not a signature in its headers (a token in
     * its body, a MAC the log put in a button), checked by {@link Integrations#verify(String,
     * io.javalin.http.Context, Proof, java.time.Instant)}; null (the default): the headers, checked by
     * {@link Integrations#verify(String, io.javalin.http.Context, java.time.Instant)}.
     */
    default Proof proof(ChatInbound.Route route, Request request) {
        return null;
    }

    /**
     * True for a chat whose answer must be the HTTP response itself (Teams' outgoing webhook: five seconds, no
     * later reply): the work then runs before the answer, and {@link #inlineAnswer} wraps what it said.
     */
    default boolean answersInline() {
        return false;
    }

    /** How a person addresses the log in this chat, as help and answers spell it: {@code /hotfix}. */
    default String commandPrefix() {
        return "/hotfix";
    }

    /** True when the chat tells the e-mail address it verified for a person, so a first request links itself. */
    default boolean linksByEmail() {
        return true;
    }

    /**
     * The hosts besides the origin of the entry's {@code api=} that a request's reply address may name over https
     * (Slack's {@code hooks.slack.com}); anything else is not called (see {@code chat.internal.ReplyAddress}).
     */
    default List<String> replyHosts(Integration workspace) {
        return List.of();
    }

    /** The response body that says {@code text}, for a chat that {@link #answersInline}. */
    default String inlineAnswer(String text) {
        return "";
    }

    /** How a message names a channel by its id (Slack links {@code <#C123>}); the id itself by default. */
    default String channel(String id) {
        return id;
    }
}
