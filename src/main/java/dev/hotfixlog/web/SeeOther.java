package dev.hotfixlog.web;

/** Ends a request with {@code 303 See Other} to {@code location} (e.g. to the sign-in page). */
public final class SeeOther extends RuntimeException {
    private final String location;

    public SeeOther(String location) {
        super("see " + location, null, false, false);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
