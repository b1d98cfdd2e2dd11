package dev.hotfixlog.security;

import dev.hotfixlog.web.Role;

/**
 * Who is making a request, as established by authentication.
 *
 * @param name the name recorded in history and audit
 * @param role what it may do
 * @param via  how it proved itself, e.g. {@code token:3f2a…}
 */
public record Principal(String name, Role role, String via) {}
