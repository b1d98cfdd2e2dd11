package dev.hotfixlog.metrics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A chart's vertical scale: where a value sits between the plot's bottom (0) and top (1), and the ticks drawn on
 * its axis with their labels.
 */
public sealed interface Scale permits Scale.Linear, Scale.Log {
    /** 0 at the bottom of the plot, 1 at its top; values outside the scale are held to its ends. */
    double position(double value);

    List<Double> ticks();

    String label(double tick);

    /** Whether the scale is logarithmic (the chart says so beside its axis). */
    default boolean logarithmic() {
        return this instanceof Log;
    }

    /** From 0 to {@code top} in equal steps. */
    record Linear(double top, double step, DoubleFunction<String> format) implements Scale {
        public Linear {
            if (!(top > 0) || !(step > 0)) {
                throw new IllegalArgumentException("a linear scale needs a positive top and step");
            }
        }

        /** 0 to a round number at or above {@code max} in at most five whole steps of 1, 2 or 5 × 10ⁿ. */
        public static Linear counts(double max) {
            double step = 1;
            while (step * 5 < max) {
                double next = step;
                for (double f : new double[] {2, 2.5, 2}) {
                    next *= f;
                    if (next * 5 >= max) {
                        break;
                    }
                }
                step = next;
            }
            double top = Math.max(step, Math.ceil(Math.max(max, 1) / step) * step);
            return new Linear(top, step, v -> String.valueOf(Math.round(v)));
        }

        /** 0 % to 100 % by quarters. */
        public static Linear percent() {
            return new Linear(1, 0.25, v -> Math.round(v * 100) + "%");
        }

        @Override
        public double position(double value) {
            return Math.max(0, Math.min(1, value / top));
        }

        @Override
        public List<Double> ticks() {
            List<Double> out = new ArrayList<>();
            for (int i = 0; i * step <= top + step / 1e6; i++) {
                out.add(i * step);
            }
            return out;
        }

        @Override
        public String label(double tick) {
            return format.apply(tick);
        }
    }

    /**
     * Durations in seconds on a logarithmic scale: a 10,000-hour outlier takes a decade or two of the axis instead
     * of flattening every other month to its floor. From the round duration at or below the smallest value (or the
     * target) to a little above the largest; 0 s sits at the bottom.
     */
    record Log(double low, double high) implements Scale {
        /** The round durations ticks are drawn at, in seconds, with their labels. */
        static final double[] ROUND = {
            1, 10, 60, 300, 900, 3600, 4 * 3600, 86_400, 7 * 86_400, 30 * 86_400, 365 * 86_400, 3650 * 86_400.0
        };

        static final String[] ROUND_LABELS = {
            "1 s", "10 s", "1 min", "5 min", "15 min", "1 h", "4 h", "1 d", "1 wk", "30 d", "1 yr", "10 yr"
        };

        public Log {
            if (!(low > 0) || !(high > low)) {
                throw new IllegalArgumentException("a log scale needs 0 < low < high");
            }
        }

        /** A scale holding every value given (nulls and zeros skipped) and the target, if any. */
        public static Log covering(List<Long> values, Long target) {
            double min = Double.MAX_VALUE;
            double max = 0;
            List<Long> all = new ArrayList<>(values);
            all.add(target);
            for (Long v : all) {
                if (v != null && v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            if (max == 0) {
                return new Log(60, 3600);
            }
            double low = ROUND[0];
            for (double r : ROUND) {
                if (r <= min) {
                    low = r;
                }
            }
            // Up to a round duration (a tick at the top) unless that would waste much of the axis, as the next
            // round one above 10,000 hours, ten years, would.
            double high = Math.max(max * 1.1, low * 10);
            for (double r : ROUND) {
                if (r >= high) {
                    return new Log(low, r <= 3 * high ? r : high);
                }
            }
            return new Log(low, high);
        }

        @Override
        public double position(double value) {
            double v = Math.max(low, Math.min(high, value));
            return Math.log(v / low) / Math.log(high / low);
        }

        @Override
        public List<Double> ticks() {
            List<Double> out = new ArrayList<>();
            for (double r : ROUND) {
                if (r >= low && r <= high) {
                    out.add(r);
                }
            }
            // On a short axis, when more than six fit: the lowest, then only the seconds, minutes, hours, days,
            // months and years that begin a unit.
            if (out.size() > 6) {
                List<Double> fewer = new ArrayList<>(List.of(out.get(0)));
                for (double r : out.subList(1, out.size())) {
                    if (r == 1 || r == 60 || r == 3600 || r == 86_400 || r == 30 * 86_400 || r >= 365 * 86_400) {
                        fewer.add(r);
                    }
                }
                return fewer;
            }
            return out;
        }

        @Override
        public String label(double tick) {
            for (int i = 0; i < ROUND.length; i++) {
                if (ROUND[i] == tick) {
                    return ROUND_LABELS[i];
                }
            }
            return String.valueOf(Math.round(tick)) + " s";
        }
    }
}
