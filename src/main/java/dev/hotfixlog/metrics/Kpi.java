package dev.hotfixlog.metrics;

/**
 * A dashboard tile: one of the seed's metrics against its target, and how it moved since the period before.
 *
 * @param met     whether the target is met; null where the seed names no target or there is no figure
 * @param change  the move in words with an arrow as text ("▲ 12% vs previous 12 months"): never colour alone
 * @param verdict "better", "worse" or "same" by the metric's good direction; null when nothing to compare
 */
public record Kpi(String name, String value, String detail, String target, Boolean met, String change, String verdict) {
    /** The tile's state class: {@code kpi-met}, {@code kpi-missed} or {@code kpi-none}. */
    public String state() {
        return met == null ? "kpi-none" : met ? "kpi-met" : "kpi-missed";
    }

    /** "Target met" / "Target missed" / "", as text beside the state's icon. */
    public String stateText() {
        return met == null ? "" : met ? "target met" : "target missed";
    }
}
