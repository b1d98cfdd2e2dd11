package dev.hotfixlog.hotfix;

import java.util.List;

/**
 * Lines other features put at the top of the board (a breached warning sign), as plain text: the board's
 * template escapes them. {@code App} hands this in; the record feature does not know who says them.
 */
@FunctionalInterface
public interface BoardNotices {
    BoardNotices NONE = List::of;

    List<String> lines();
}
