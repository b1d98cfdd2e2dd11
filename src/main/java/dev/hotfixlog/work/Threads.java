package dev.hotfixlog.work;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every thread the application makes, made here (ArchitectureTest refuses {@code new Thread} and
 * {@code Executors} anywhere else): each named for what it does, so a thread dump or a log line says whose it
 * is, and a daemon unless said otherwise, so a forgotten one never keeps the JVM from ending. No state: each
 * factory counts its own threads.
 */
public final class Threads {
    private Threads() {}

    /** A daemon thread named {@code name}, not yet started. */
    public static Thread daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }

    /** A daemon thread named {@code name}, started. */
    public static Thread startDaemon(String name, Runnable task) {
        Thread t = daemon(name, task);
        t.start();
        return t;
    }

    /** A thread for {@link Runtime#addShutdownHook}: not a daemon, not started (the JVM starts it at exit). */
    public static Thread shutdownHook(String name, Runnable task) {
        return new Thread(task, name);
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}, … */
    public static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> daemon(prefix + "-" + n.incrementAndGet(), task);
    }

    /** A pool of {@code threads} daemon threads named {@code prefix-1…}; shut it down when done. */
    public static ExecutorService pool(String prefix, int threads) {
        return Executors.newFixedThreadPool(threads, daemons(prefix));
    }

    /** One daemon thread named {@code name} running tasks at their times; shut it down when done. */
    public static ScheduledExecutorService scheduled(String name) {
        return Executors.newSingleThreadScheduledExecutor(task -> daemon(name, task));
    }

    /** One daemon thread named {@code name} taking tasks in order; shut it down when done. */
    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(task -> daemon(name, task));
    }
}
