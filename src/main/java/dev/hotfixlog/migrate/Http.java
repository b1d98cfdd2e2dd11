package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.work.Threads;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/** What the three API sources share: a few threads for each record's own requests, and reading a page's list. */
final class Http implements AutoCloseable {
    /** A record's notes and log entries are fetched this many at once: the tools' rate limits allow it. */
    static final int PARALLEL = 8;
    /** A record with more pages of notes or log entries than this keeps the first ones, and says so. */
    static final int MAX_SUB_PAGES = 20;

    private final ExecutorService pool = Threads.pool("migrate-fetch", PARALLEL);

    /** Each item through {@code work} on the pool, results in the items' order; the first failure is thrown. */
    <T, R> List<R> each(List<T> items, Function<T, R> work) {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> work.apply(item)));
        }
        List<R> out = new ArrayList<>(items.size());
        for (Future<R> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                futures.forEach(x -> x.cancel(true));
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return out;
    }

    /** The named list of a page, or a clear error naming the page when it has none. */
    static ArrayNode list(ObjectNode page, String field, String where) {
        JsonNode list = page.get(field);
        if (list == null || !list.isArray()) {
            throw ValidationException.of("page", where + " has no \"" + field + "\" list");
        }
        return (ArrayNode) list;
    }

    /**
     * Follows a sub-list's pages ({@code next} links or offsets) up to {@link #MAX_SUB_PAGES}, and not round: a
     * page asked for already ends it too. A list cut either way adds its address to {@code cut}, for the note.
     */
    static ArrayNode collect(
            Fetcher f, String first, String field, Function<ObjectNode, String> next, List<String> cut) {
        ArrayNode all = Json.mapper().createArrayNode();
        Set<String> asked = new HashSet<>();
        String url = first;
        while (url != null && asked.size() < MAX_SUB_PAGES && asked.add(url)) {
            ObjectNode page = f.get(url);
            all.addAll(list(page, field, path(url)));
            url = next.apply(page);
        }
        if (url != null) {
            cut.add(path(first));
        }
        return all;
    }

    /** An address without its query. */
    private static String path(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** A record's document names the sub-lists that were cut ({@code "cut": [address, …]}). */
    static void markCut(SourceDoc doc, List<String> cut) {
        if (!cut.isEmpty()) {
            ArrayNode a = doc.doc().putArray("cut");
            cut.forEach(a::add);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
