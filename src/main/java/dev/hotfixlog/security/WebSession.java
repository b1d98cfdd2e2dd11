package dev.hotfixlog.security;

/** A signed-in browser: whose it is, and the token its forms and htmx calls must send back (CSRF). */
public record WebSession(Account account, String csrfToken) {}
