package dev.hotfixlog.hotfix;

/**
 * HTML other features put at the top of the board (the incoming alerts), already escaped by the feature that
 * writes it. {@code App} hands this in; the record feature does not know who writes it.
 */
@FunctionalInterface
public interface BoardLanes {
    BoardLanes NONE = () -> "";

    String html();
}
