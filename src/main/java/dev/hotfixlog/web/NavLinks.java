package dev.hotfixlog.web;

import java.util.List;

/**
 * The app bar's links, each with its Lucide icon, and which one is the page being shown (marked
 * {@code aria-current="page"}). The layout knows a page only by its title, so the page a link leads to is named
 * by the title that page gives itself.
 */
public final class NavLinks {
    /** One link of the bar; {@code titles} are the page titles that are this link's page. */
    public record Link(String href, String icon, String label, List<String> titles) {
        public Link {
            titles = List.copyOf(titles);
        }

        public boolean isCurrent(String title) {
            return title != null && titles.stream().anyMatch(t -> title.equals(t) || title.startsWith(t + ": "));
        }
    }

    public static final List<Link> ALL = List.of(
            new Link("/", "layout-dashboard", "Board", List.of("Board")),
            new Link("/hotfixes", "circle-check", "Completed", List.of("Completed hotfixes")),
            new Link("/followups", "list", "My follow-ups", List.of("My follow-ups", "Follow-ups")),
            new Link("/debt", "trending-up", "Debt", List.of("Hotfix debt")),
            new Link("/risks", "shield-alert", "Risks", List.of("Risk register")),
            new Link("/dashboard", "chart-column", "Dashboard", List.of("Dashboard")),
            new Link("/lessons", "book-open", "Lessons", List.of("Lessons from production")),
            new Link("/search", "search", "Search", List.of("Search")));

    private NavLinks() {}
}
