package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** What the three API sources share: a few threads for each record's own requests, and reading a page's list. */
final class Http implements AutoCloseable {
    /** A record's notes and log entries are fetched this many at once: the tools' rate limits allow it. */
    static final int PARALLEL = 8;
    /** A record with more pages of notes or log entries than this keeps the first ones, and says so. */
    static final int MAX_SUB_PAGES = 20;
    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
        Thread t = new Thread(r, "migrate-fetch");
        t.setDaemon(true);
        return t;
    });

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

    /** Follows a sub-list's pages ({@code next} links or offsets) up to {@link #MAX_SUB_PAGES}. */
    static ArrayNode collect(Fetcher f, String first, String field, Function<ObjectNode, String> next) {
        ArrayNode all = Json.mapper().createArrayNode();
        String url = first;
        for (int i = 0; url != null && i < MAX_SUB_PAGES; i++) {
            ObjectNode page = f.get(url);
            all.addAll(list(page, field, url.replaceAll("\\?.*", "")));
            url = next.apply(page);
        }
        return all;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
