package dev.hotfixlog.hotfix;

/** The template's "The Emergency": what was broken, who was hurt, and why the normal process could not wait. */
public record Emergency(String problem, String impact, String whyEmergency) {
    public static final Emergency EMPTY = new Emergency(null, null, null);
}
