package dev.hotfixlog.hotfix;

/** The template's "The Context": the first guess at the cause, the corners cut, and what to watch afterwards. */
public record TheContext(String rootCause, String riskAccepted, String monitoring) {
    public static final TheContext EMPTY = new TheContext(null, null, null);
}
