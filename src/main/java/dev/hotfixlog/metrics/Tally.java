package dev.hotfixlog.metrics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the period metrics need from one stretch of time, in a form that adds up: the tallies of the months
 * of a year merge into the tally of that year, percentiles included (the histograms are exact). A calendar month's
 * tally is kept in {@code metrics_month} (see {@link KeptMonthsRepository}); the metrics of any period are its months'
 * tallies merged with fresh ones for the partial months at its ends.
 *
 * @param hotfixes           detected in the stretch
 * @param detectionToAlert   severity → whole seconds from detection to alert
 * @param alertToFix         severity → whole seconds from alert to fix deployed
 * @param total              severity → whole seconds from detection to resolved, or the written duration
 * @param postmortemsDue     of the stretch's hotfixes: resolved, and post-mortem done or its 48 h over
 * @param postmortemsOnTime  of those, done within 48 h of resolution
 * @param improvementsDone   process improvements ticked in the stretch
 * @param preventionsWatched of those, on typed hotfixes, whose watch is over or broken
 * @param preventionsBroken  of those, followed by a hotfix of the same type within the watch
 * @param repeats            hotfixes of the stretch that repeat an earlier one
 * @param confidence         rating → how many
 * @param types              emergency type ("" for none) → hotfixes of the stretch
 * @param validUntil         when time alone changes this tally (a post-mortem falls due, a watch ends); null
 *                           for never. Not part of {@link #encode()}: the cache keeps it in its own column.
 */
record Tally(
        long hotfixes,
        Map<String, Histogram> detectionToAlert,
        Map<String, Histogram> alertToFix,
        Map<String, Histogram> total,
        long postmortemsDue,
        long postmortemsOnTime,
        long improvementsDone,
        long preventionsWatched,
        long preventionsBroken,
        long repeats,
        Map<Integer, Long> confidence,
        Map<String, Long> types,
        Long validUntil) {
    private static final int FORMAT = 1;
    static final Tally EMPTY = new Tally(0, Map.of(), Map.of(), Map.of(), 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), null);

    Tally {
        detectionToAlert = Map.copyOf(detectionToAlert);
        alertToFix = Map.copyOf(alertToFix);
        total = Map.copyOf(total);
        confidence = Map.copyOf(confidence);
        types = Map.copyOf(types);
    }

    Tally merge(Tally o) {
        return new Tally(
                hotfixes + o.hotfixes,
                merge(detectionToAlert, o.detectionToAlert),
                merge(alertToFix, o.alertToFix),
                merge(total, o.total),
                postmortemsDue + o.postmortemsDue,
                postmortemsOnTime + o.postmortemsOnTime,
                improvementsDone + o.improvementsDone,
                preventionsWatched + o.preventionsWatched,
                preventionsBroken + o.preventionsBroken,
                repeats + o.repeats,
                sum(confidence, o.confidence),
                sum(types, o.types),
                validUntil == null
                        ? o.validUntil
                        : o.validUntil == null ? validUntil : Long.valueOf(Math.min(validUntil, o.validUntil)));
    }

    private static Map<String, Histogram> merge(Map<String, Histogram> a, Map<String, Histogram> b) {
        if (b.isEmpty()) {
            return a;
        }
        Map<String, Histogram> out = new HashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Histogram::merge));
        return out;
    }

    private static <K> Map<K, Long> sum(Map<K, Long> a, Map<K, Long> b) {
        if (b.isEmpty()) {
            return a;
        }
        Map<K, Long> out = new HashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    /** The severities' histograms of one measure together. */
    static Histogram all(Map<String, Histogram> bySeverity) {
        return bySeverity.values().stream().reduce(Histogram.EMPTY, Histogram::merge);
    }

    Map<Integer, Long> sortedConfidence() {
        return new TreeMap<>(confidence);
    }

    /** Compact bytes for the cache: durations as varint deltas, since a month's histogram has thousands. */
    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            for (long n : new long[] {
                hotfixes,
                postmortemsDue,
                postmortemsOnTime,
                improvementsDone,
                preventionsWatched,
                preventionsBroken,
                repeats
            }) {
                out.writeLong(n);
            }
            out.writeInt(confidence.size());
            for (Map.Entry<Integer, Long> e : confidence.entrySet()) {
                out.writeInt(e.getKey());
                out.writeLong(e.getValue());
            }
            out.writeInt(types.size());
            for (Map.Entry<String, Long> e : types.entrySet()) {
                writeString(out, e.getKey());
                out.writeLong(e.getValue());
            }
            for (Map<String, Histogram> measure : List.of(detectionToAlert, alertToFix, total)) {
                out.writeInt(measure.size());
                for (Map.Entry<String, Histogram> e : measure.entrySet()) {
                    writeString(out, e.getKey());
                    Histogram h = e.getValue();
                    out.writeInt(h.size());
                    long previous = 0;
                    for (int i = 0; i < h.size(); i++) {
                        writeVarLong(out, zigZag(h.seconds()[i] - previous));
                        writeVarLong(out, h.counts()[i]);
                        previous = h.seconds()[i];
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The tally in {@code bytes}, or null when they are not one this version wrote (then it is recomputed). */
    static Tally decode(byte[] bytes, Long validUntil) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != FORMAT) {
                return null;
            }
            long[] n = new long[7];
            for (int i = 0; i < n.length; i++) {
                n[i] = in.readLong();
            }
            Map<Integer, Long> confidence = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                confidence.put(in.readInt(), in.readLong());
            }
            Map<String, Long> types = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                types.put(readString(in), in.readLong());
            }
            List<Map<String, Histogram>> measures = new ArrayList<>();
            for (int m = 0; m < 3; m++) {
                Map<String, Histogram> bySeverity = new HashMap<>();
                for (int i = in.readInt(); i > 0; i--) {
                    String severity = readString(in);
                    int size = in.readInt();
                    long[] seconds = new long[size];
                    long[] counts = new long[size];
                    long previous = 0;
                    for (int k = 0; k < size; k++) {
                        previous += unZigZag(readVarLong(in));
                        seconds[k] = previous;
                        counts[k] = readVarLong(in);
                    }
                    bySeverity.put(severity, new Histogram(seconds, counts));
                }
                measures.add(bySeverity);
            }
            if (in.read() != -1) {
                return null;
            }
            return new Tally(
                    n[0],
                    measures.get(0),
                    measures.get(1),
                    measures.get(2),
                    n[1],
                    n[2],
                    n[3],
                    n[4],
                    n[5],
                    n[6],
                    confidence,
                    types,
                    validUntil);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("bad string length " + length);
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static long zigZag(long n) {
        return (n << 1) ^ (n >> 63);
    }

    private static long unZigZag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }

    private static void writeVarLong(DataOutputStream out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    private static long readVarLong(DataInputStream in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("varint too long");
    }
}
