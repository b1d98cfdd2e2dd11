package dev.hotfixlog.metrics;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The SQL of the signals a monitoring system pushes: one row a name, replaced whole on each push. */
final class SignalRepository {
    List<SignReading> all(Handle h) {
        return h.createQuery("""
                        SELECT name, description, value, threshold, direction, updated_at FROM signal_value
                        ORDER BY name""")
                .map((rs, ctx) -> new SignReading(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getDouble(3),
                        rs.getDouble(4),
                        rs.getString(5),
                        false,
                        Instant.ofEpochMilli(rs.getLong(6))))
                .list();
    }

    void replace(
            Handle h,
            String name,
            String description,
            double value,
            double threshold,
            String direction,
            Instant at,
            String by) {
        h.createUpdate("""
                        DELETE FROM signal_value WHERE name = :name""").bind("name", name).execute();
        h.createUpdate("""
                        INSERT INTO signal_value (name, description, value, threshold, direction, updated_at, updated_by)
                        VALUES (:name, :description, :value, :threshold, :direction, :at, :by)""")
                .bind("name", name)
                .bind("description", description)
                .bind("value", value)
                .bind("threshold", threshold)
                .bind("direction", direction)
                .bind("at", at.toEpochMilli())
                .bind("by", by)
                .execute();
    }
}
