package dev.hotfixlog.security;

import dev.hotfixlog.web.Role;

/** A person who signs in to the web app. */
public record Account(String username, Role role, boolean mustChangePassword) {}
