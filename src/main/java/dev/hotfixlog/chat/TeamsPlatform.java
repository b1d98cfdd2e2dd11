package dev.hotfixlog.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.chat.internal.TeamsTalk;
import dev.hotfixlog.error.BadRequestException;
import dev.hotfixlog.error.HotfixLogException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.security.Integration;
import dev.hotfixlog.security.Proof;
import dev.hotfixlog.security.SenderKind;
import dev.hotfixlog.security.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Microsoft Teams: an outgoing webhook ({@code @Hotfix declare …}, {@code @Hotfix deployed HOTFIX-12}) posting a
 * message Activity as JSON to {@code /api/v1/chat/teams/<name>/commands}, signed {@code Authorization: HMAC
 * <base64 HMAC-SHA256 of the body, keyed with the base64-decoded security token>} and answered in its own
 * response within Teams' five seconds: {@code teams <name> secret=<the webhook's security token>}. The Activity's
 * own {@code timestamp}, signed with the rest, must be within the entry's window (five minutes). Teams has no
 * forms: {@code declare} takes the whole declaration on its line ({@link TeamsTalk#DECLARE}); announcements stay
 * with the notices' Teams channel.
 */
public final class TeamsPlatform implements ChatPlatform {
    private static final SenderKind SENDER =
            new SenderKind("teams", "Authorization", SenderKind.Signature.REQUIRED, "HMAC ", "", "", List.of());

    @Override
    public String name() {
        return "teams";
    }

    @Override
    public String label() {
        return "Teams";
    }

    @Override
    public SenderKind sender() {
        return SENDER;
    }

    /** An outgoing webhook is called by mentioning it: {@code @Hotfix list}. */
    @Override
    public String commandPrefix() {
        return "@Hotfix";
    }

    /** An outgoing webhook names the person, never their address: people link by code only. */
    @Override
    public boolean linksByEmail() {
        return false;
    }

    @Override
    public ChatTalk talk(Integration workspace) {
        return new TeamsTalk();
    }

    @Override
    public boolean answersInline() {
        return true;
    }

    /**
     * Teams renders a bot's text as Markdown and some HTML: a character that would start a link, an emphasis or a
     * tag is escaped with a backslash (CommonMark's escape), and {@code <}, {@code >}, {@code &} become entities, so
     * a title like {@code [click](https://…)} or {@code <a href=…>} shows as typed. Mentions need the Activity's
     * {@code entities}, which the log never sends, so an {@code @} is harmless.
     */
    @Override
    public String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\\', '`', '*', '_', '~', '[', ']', '(', ')', '#', '!' ->
                    b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String inlineAnswer(String text) {
        return Json.write(Json.object().put("type", "message").put("text", text.replace("\n", "\n\n")));
    }

    @Override
    public String notAHotfix(String advice) {
        return inlineAnswer(advice + ": by the decision tree this is not a hotfix, so nothing was stored.");
    }

    /** Teams has no form: the answer names each field as the one-line declaration spells it. */
    @Override
    public String formErrors(Map<String, String> errors) {
        StringBuilder b = new StringBuilder("Nothing was declared:");
        errors.forEach((field, message) ->
                b.append(' ').append(field).append(": ").append(message).append(message.endsWith(".") ? "" : "."));
        return inlineAnswer(b.append('\n').append(TeamsTalk.DECLARE).toString());
    }

    @Override
    public Proof proof(ChatInbound.Route route, Request request) {
        String auth = request.headers().apply("Authorization");
        String mac = auth != null && auth.regionMatches(true, 0, "HMAC ", 0, 5) ? auth.substring(5) : null;
        return new Proof(Proof.Scheme.HMAC_BASE64, mac, request.body(), sentAt(request));
    }

    /**
     * The Activity's own {@code timestamp}: inside the signed body, so an old message sent again is stale even once
     * its body is forgotten by the replay guard; one without a readable timestamp is as stale as can be.
     */
    private static Instant sentAt(Request request) {
        try {
            String at = Json.parseObject(new String(request.body(), StandardCharsets.UTF_8))
                    .path("timestamp")
                    .asText("");
            return Instant.parse(at);
        } catch (HotfixLogException | DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    @Override
    public ChatInbound read(ChatInbound.Route route, Map<String, List<String>> form) {
        throw new BadRequestException("body", "Teams posts a JSON Activity");
    }

    @Override
    public ChatInbound read(ChatInbound.Route route, Request request) {
        ObjectNode activity = Json.parseObject(new String(request.body(), StandardCharsets.UTF_8));
        if (!activity.path("type").asText("").equals("message")) {
            return new ChatInbound.Ignored("a " + activity.path("type").asText("") + " activity");
        }
        JsonNode from = activity.path("from");
        String user = from.path("aadObjectId").asText(from.path("id").asText(""));
        String tenant = activity.path("channelData")
                .path("tenant")
                .path("id")
                .asText(activity.path("conversation").path("tenantId").asText(""));
        String conversation = activity.path("conversation").path("id").asText("");
        if (user.isEmpty() || conversation.isEmpty()) {
            throw new BadRequestException("from", "names no person or conversation: not an Activity from Teams");
        }
        ChatInbound.Person who = new ChatInbound.Person(tenant, user);
        String text = TeamsText.plain(activity.path("text").asText(""));
        if (text.toLowerCase(Locale.ROOT).startsWith("declare ")) {
            Map<String, String> answers = TeamsText.declaration(text.substring(8));
            if (answers != null) {
                // One hotfix per message, however often Teams or a person sends it again.
                String formId = Sha256.hex(
                                (conversation + "\n" + activity.path("id").asText("")).getBytes(StandardCharsets.UTF_8))
                        .substring(0, 32);
                return new ChatInbound.Submission(who, formId, conversation, answers);
            }
        }
        return new ChatInbound.Command(who, conversation, text, null, null);
    }

    /** Teams' message text as typed: the mention of the webhook and the HTML around it taken away. */
    static final class TeamsText {
        private TeamsText() {}

        static String plain(String html) {
            StringBuilder b = new StringBuilder();
            int i = 0;
            while (i < html.length()) {
                if (html.regionMatches(true, i, "<at>", 0, 4)) {
                    int end = html.toLowerCase(Locale.ROOT).indexOf("</at>", i);
                    i = end < 0 ? html.length() : end + 5;
                } else if (html.charAt(i) == '<') {
                    int end = html.indexOf('>', i);
                    i = end < 0 ? html.length() : end + 1;
                    b.append(' ');
                } else {
                    b.append(html.charAt(i++));
                }
            }
            return b.toString()
                    .replace("&nbsp;", " ")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&")
                    .replace('\u00a0', ' ')
                    .strip();
        }

        /**
         * {@code [severity] "title" [down=yes|no] [wait=yes|no] [systems=a,b] [— problem]}: the answers by the
         * declare form's fields, or null when it is not that (no quoted title, a word it does not know).
         */
        static Map<String, String> declaration(String line) {
            int open = firstOf(line, 0, '"', '“');
            int close = open < 0 ? -1 : firstOf(line, open + 1, '"', '”');
            if (close < 0) {
                return null;
            }
            Map<String, String> answers = new HashMap<>();
            answers.put("title", line.substring(open + 1, close).strip());
            String after = line.substring(close + 1);
            int dash = after.indexOf('—');
            int dashes = after.indexOf("--");
            int cut = dash < 0 ? dashes : dashes < 0 ? dash : Math.min(dash, dashes);
            if (cut >= 0) {
                String problem = after.substring(cut + (cut == dash ? 1 : 2)).strip();
                if (!problem.isEmpty()) {
                    answers.put("problem", problem);
                }
                after = after.substring(0, cut);
            }
            for (String word : words(line.substring(0, open) + " " + after)) {
                int eq = word.indexOf('=');
                String key = eq < 0 ? "severity" : word.substring(0, eq).toLowerCase(Locale.ROOT);
                String value = eq < 0 ? word : word.substring(eq + 1);
                if (!List.of("severity", "down", "wait", "systems").contains(key) || answers.containsKey(key)) {
                    return null;
                }
                answers.put(key, key.equals("systems") ? value : value.toLowerCase(Locale.ROOT));
            }
            return answers;
        }

        private static List<String> words(String s) {
            List<String> out = new ArrayList<>();
            int start = -1;
            for (int i = 0; i <= s.length(); i++) {
                boolean space = i == s.length() || Character.isWhitespace(s.charAt(i));
                if (space && start >= 0) {
                    out.add(s.substring(start, i));
                    start = -1;
                } else if (!space && start < 0) {
                    start = i;
                }
            }
            return out;
        }

        private static int firstOf(String s, int from, char a, char b) {
            int i = s.indexOf(a, from);
            int j = s.indexOf(b, from);
            return i < 0 ? j : j < 0 ? i : Math.min(i, j);
        }
    }
}
