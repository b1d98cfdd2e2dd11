package dev.hotfixlog.lesson;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The engineering checklist of seed 000 applied to a write-up: which of the four dimensions are missing, whether
 * the failure-mode category and lesson bucket are named, whether the signal is something one can observe, whether
 * the operating rule is a rule, and whether the text reads as a timeline. Advice shown while writing; it never
 * blocks a save.
 *
 * <p>The two text heuristics, on purpose simple enough to explain in one sentence each (README, "Lessons"):
 * <ul>
 *   <li><b>Timeline</b>: a sentence is a timeline sentence when it holds a clock time (10:42, 3 AM), a date or
 *   weekday, or opens with a sequence word (then, next, after that, later, finally, at that point, ...). The
 *   write-up reads as a timeline when at least two of its sentences, and at least 40% of them, are.</li>
 *   <li><b>Observable signal</b>: the signal names a measurement or an observation: a number (a threshold, a
 *   percentage, a duration, a status code) or a word for something seen (alert, dashboard, metric, graph,
 *   log, error rate, latency, p99, check, test, probe, canary, users report, ...).</li>
 *   <li><b>Rule</b>: the operating rule says what to do, not what happened: it has a rule word (always, never,
 *   must, should, before, when, if, every, only, don't, ...) or opens with an instruction (commit, add, check,
 *   finalise, ...), and does not open like a story (we, I, the team, yesterday).</li>
 * </ul>
 */
public record Legibility(List<Check> checks) {
    private static final Pattern CLOCK = Pattern.compile(
            "\\b([01]?\\d|2[0-3])[:.h][0-5]\\d\\b|\\b\\d{1,2}\\s?(am|pm|a\\.m\\.|p\\.m\\.)(?:[^\\p{L}]|$)"
                    + "|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b"
                    + "|\\b(yesterday|tonight|this morning|last night)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEQUENCE_START = Pattern.compile(
            "^(then|next|after that|afterwards|later|finally|first|firstly|second|secondly|meanwhile|eventually"
                    + "|soon after|shortly after|at that point|at first|by then|once that|before long)\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * An observable signal holds a digit, a phrase of these, or one of {@link #OBSERVABLE_WORDS} as a whole word.
     * The words are looked up in a set: as one alternation of fifty words the pattern took two seconds on 2 MB.
     */
    private static final Pattern DIGIT = Pattern.compile("\\d");

    private static final Pattern OBSERVABLE_PHRASE =
            Pattern.compile("(?i)\\b(?:queue depth|users? (?:\\w+ )?(?:see|saw|seeing|report|reported|reporting))\\b");
    private static final Pattern WORD = Pattern.compile("\\w+");
    private static final Set<String> OBSERVABLE_WORDS = Set.of(
            "alert",
            "alerts",
            "alarm",
            "alarms",
            "dashboard",
            "dashboards",
            "metric",
            "metrics",
            "graph",
            "graphs",
            "chart",
            "charts",
            "log",
            "logs",
            "logged",
            "error",
            "errors",
            "latency",
            "throughput",
            "status",
            "http",
            "check",
            "checks",
            "test",
            "tests",
            "probe",
            "probes",
            "canary",
            "synthetic",
            "monitor",
            "monitors",
            "monitoring",
            "trace",
            "traces",
            "lag",
            "cpu",
            "memory",
            "count",
            "rate",
            "return",
            "returns",
            "returned",
            "show",
            "shows",
            "showed",
            "visible",
            "ticket",
            "tickets",
            "complaint",
            "complaints",
            "healthcheck",
            "assertion",
            "observed",
            "measured");
    private static final Pattern RULE_WORD = Pattern.compile(
            "\\b(always|never|must|should|shall|before|when|whenever|if|unless|every|each|only|don't|do not"
                    + "|no\\b.{1,60}\\bwithout|until|instead of|rather than|per)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INSTRUCTION_START = Pattern.compile(
            "^(add|alert|automate|avoid|block|cache|check|commit|compare|define|deploy|document|drain|enforce"
                    + "|finali[sz]e|gate|give|guard|keep|limit|lock|log|make|measure|monitor|move|name|own|page|pin"
                    + "|prefer|put|record|reject|release|remove|require|retry|review|roll|run|separate|set|ship"
                    + "|split|stage|start|stop|store|test|time ?out|treat|use|validate|verify|version|watch|write)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STORY_START = Pattern.compile(
            "^(we|i|our|the team|yesterday|last|today|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday))\\b",
            Pattern.CASE_INSENSITIVE);
    /** Where a sentence ends: white space after . ! or ? (the mark stays with its sentence), or line breaks. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]\\s+|\\n+");

    private static final Pattern LEADING_NON_WORD = Pattern.compile("^[^\\p{L}\\p{N}]+");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    public Legibility {
        checks = List.copyOf(checks);
    }

    /**
     * One item of the checklist.
     *
     * @param key      stable name: constraint, signal, boundary, operatingRule, category, bucket,
     *                 observableSignal, rule, notTimeline
     * @param question what the item asks (seed 000's words where it has them)
     * @param passed   whether the write-up answers it
     * @param advice   what to write when it does not; why it passes when it does
     */
    public record Check(String key, String question, boolean passed, String advice) {}

    public boolean legible() {
        return checks.stream().allMatch(Check::passed);
    }

    public List<Check> missing() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    public static Legibility of(
            String summary,
            String constraint,
            String signal,
            String boundary,
            String operatingRule,
            String category,
            Bucket bucket) {
        List<Check> out = new ArrayList<>();
        out.add(present(
                "constraint",
                "Constraint: what made the change risky or urgent?",
                constraint,
                "Name the risk class or the pressure: what could not wait, what could break."));
        out.add(present(
                "signal",
                "Signal: which observation proved the user-visible behaviour changed?",
                signal,
                "Name what was seen that proved the fix worked."));
        out.add(present(
                "boundary",
                "Boundary: which team or subsystem owned each part of the fix?",
                boundary,
                "Name the subsystems or teams (not people) that owned each part."));
        out.add(present(
                "operatingRule",
                "Operating rule: what should be easier next time?",
                operatingRule,
                "Write the rule that should survive after the fix is forgotten."));
        out.add(present(
                "category",
                "Failure-mode category: live media workflow, configuration rollout, data "
                        + "freshness problem, build dependency, operational dashboard, or the team's own?",
                category,
                "Name the failure-mode category."));
        out.add(new Check(
                "bucket",
                "Lesson bucket: state model, release validation loop or ownership boundaries?",
                bucket != null,
                bucket == null ? "Choose where the lesson lands." : bucket.meaning()));
        out.add(observable(signal));
        out.add(rule(operatingRule));
        out.add(notTimeline(summary, constraint, signal, boundary, operatingRule));
        return new Legibility(out);
    }

    private static Check present(String key, String question, String text, String advice) {
        boolean ok = words(text) >= 2;
        return new Check(
                key,
                question,
                ok,
                ok
                        ? "Answered."
                        : text == null || text.isBlank() ? "Missing. " + advice : "Too short to answer it. " + advice);
    }

    private static Check observable(String signal) {
        String q = "Is the validation signal observable (a user-visible signal, automated check or deployment "
                + "observation)?";
        if (signal == null || signal.isBlank()) {
            return new Check("observableSignal", q, false, "Write the signal first.");
        }
        boolean ok = namesSomethingSeen(signal);
        return new Check(
                "observableSignal",
                q,
                ok,
                ok
                        ? "Names something one can see or measure."
                        : "Says what was done, not what was seen: name the metric, check, alert or user-visible behaviour "
                                + "that changed, with its number if it has one.");
    }

    private static Check rule(String rule) {
        String q = "Is the operating rule a rule for future work, not a story?";
        if (rule == null || rule.isBlank()) {
            return new Check("rule", q, false, "Write the rule first.");
        }
        String first = firstSentence(rule);
        boolean story = STORY_START.matcher(first).find();
        boolean ok = !story
                && (RULE_WORD.matcher(rule).find()
                        || INSTRUCTION_START.matcher(first).find());
        return new Check(
                "rule",
                q,
                ok,
                ok
                        ? "Says what to do next time."
                        : "Reads as what happened, not what to do: write it as an instruction, e.g. \"Commit before async "
                                + "I/O\" or \"Never ship a config change without a canary\".");
    }

    private static Check notTimeline(String... texts) {
        String q = "Is it written as constraints and rules, not as a timeline of activity?";
        List<String> sentences = new ArrayList<>();
        for (String t : texts) {
            if (t != null && !t.isBlank()) {
                for (String s : sentences(t.strip())) {
                    if (!s.isBlank()) {
                        sentences.add(s.strip());
                    }
                }
            }
        }
        long timed = sentences.stream().filter(Legibility::timelineSentence).count();
        boolean timeline = timed >= 2 && timed * 10 >= sentences.size() * 4L;
        return new Check(
                "notTimeline",
                q,
                !timeline,
                timeline
                        ? timed + " of " + sentences.size()
                                + " sentences tell when things happened. Say what made it hard, "
                                + "how it was proved and what to do next time; the timeline belongs on the hotfix record."
                        : "Reads as constraints and rules.");
    }

    private static boolean namesSomethingSeen(String signal) {
        if (DIGIT.matcher(signal).find() || OBSERVABLE_PHRASE.matcher(signal).find()) {
            return true;
        }
        Matcher word = WORD.matcher(signal);
        while (word.find()) {
            if (OBSERVABLE_WORDS.contains(word.group().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    static boolean timelineSentence(String sentence) {
        String s = LEADING_NON_WORD.matcher(sentence.toLowerCase(Locale.ROOT)).replaceFirst("");
        return CLOCK.matcher(s).find() || SEQUENCE_START.matcher(s).find();
    }

    private static String firstSentence(String text) {
        List<String> all = sentences(text.strip());
        return LEADING_NON_WORD.matcher(all.isEmpty() ? "" : all.get(0)).replaceFirst("");
    }

    private static int words(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return WHITE_SPACE.split(text.strip()).length;
    }

    /** The text cut at each {@link #SENTENCE_END}; a closing mark is kept with the sentence it closes. */
    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(text);
        int from = 0;
        while (end.find()) {
            boolean mark = text.charAt(end.start()) != '\n';
            out.add(text.substring(from, mark ? end.start() + 1 : end.start()));
            from = end.end();
        }
        out.add(text.substring(from));
        return out;
    }
}
