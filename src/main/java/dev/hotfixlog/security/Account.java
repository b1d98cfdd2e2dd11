package dev.hotfixlog.security;

/** A person who signs in to the web app. */
public record Account(String username, Role role, boolean mustChangePassword) {
}
