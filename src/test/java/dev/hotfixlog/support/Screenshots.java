package dev.hotfixlog.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Visual regression against reviewed PNGs in docs/screenshots (which double as the documentation's pictures). A
 * pixel differs when one of its channels moves by more than {@link #CHANNEL_DELTA} of 255; an image matches
 * when at most {@link #MAX_DIFFERING} of its pixels differ (0.1 %: 1,024 on a desktop image, 304 on a phone).
 * On one machine two runs are identical to the pixel (fixed data, both clocks frozen, animations off), so the
 * tolerance only absorbs anti-aliasing and colour-rounding noise of another Chromium build; a moved box, a new
 * pill, a changed colour or spacing fails, a single changed digit may not (the text is asserted elsewhere). With
 * {@code -Dscreenshots.update=true} the baselines are rewritten instead: review them in git.
 */
public final class Screenshots {
    public static final Path BASELINES = Path.of("docs", "screenshots");
    public static final Path SCRATCH = Path.of("target", "screenshots");
    static final int CHANNEL_DELTA = 24;
    static final double MAX_DIFFERING = 0.001;

    private Screenshots() {}

    public static boolean updating() {
        return Boolean.getBoolean("screenshots.update");
    }

    /**
     * Compares {@code png} with the baseline {@code name}.png and returns what is wrong (null: it matches), having
     * written the actual image and a diff under target/screenshots; in update mode writes the baseline instead.
     */
    public static String mismatch(String name, byte[] png) {
        try {
            Path baseline = BASELINES.resolve(name + ".png");
            if (updating()) {
                Files.createDirectories(BASELINES);
                Files.write(baseline, png);
                return null;
            }
            if (!Files.exists(baseline)) {
                return name + ": no baseline " + baseline + "; run with -Dscreenshots.update=true and review it";
            }
            BufferedImage expected = ImageIO.read(baseline.toFile());
            BufferedImage actual = ImageIO.read(new ByteArrayInputStream(png));
            Diff diff = diff(expected, actual);
            if (diff.differing() <= diff.allowed()) {
                return null;
            }
            Files.createDirectories(SCRATCH);
            Path actualFile = SCRATCH.resolve(name + "-actual.png");
            Path diffFile = SCRATCH.resolve(name + "-diff.png");
            Files.write(actualFile, png);
            ImageIO.write(diff.image(), "png", diffFile.toFile());
            return String.format(
                    Locale.ROOT,
                    "%s differs from %s (%s); see %s and %s",
                    name,
                    baseline,
                    diff.why(),
                    actualFile,
                    diffFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How two images differ: differing pixels, how many are allowed, and a picture of where (red on grey). */
    record Diff(long differing, long allowed, String why, BufferedImage image) {}

    static Diff diff(BufferedImage expected, BufferedImage actual) {
        int w = Math.max(expected.getWidth(), actual.getWidth());
        int h = Math.max(expected.getHeight(), actual.getHeight());
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        long differing = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean inBoth = x < expected.getWidth()
                        && y < expected.getHeight()
                        && x < actual.getWidth()
                        && y < actual.getHeight();
                int e = inBoth ? expected.getRGB(x, y) : 0;
                int a = inBoth ? actual.getRGB(x, y) : 0;
                if (!inBoth || delta(e, a) > CHANNEL_DELTA) {
                    differing++;
                    out.setRGB(x, y, 0xff0000);
                } else {
                    int grey = (luminance(a) + 255 * 3) / 4; // the page, faded, so the red stands out
                    out.setRGB(x, y, grey << 16 | grey << 8 | grey);
                }
            }
        }
        long allowed = (long) Math.floor((double) w * h * MAX_DIFFERING);
        String size = expected.getWidth() == actual.getWidth() && expected.getHeight() == actual.getHeight()
                ? ""
                : "size " + actual.getWidth() + "×" + actual.getHeight() + " instead of " + expected.getWidth() + "×"
                        + expected.getHeight() + "; ";
        String why = String.format(
                Locale.ROOT,
                "%s%d pixels differ by more than %d, %d allowed (%.1f%% of %d)",
                size,
                differing,
                CHANNEL_DELTA,
                allowed,
                MAX_DIFFERING * 100,
                (long) w * h);
        return new Diff(differing, allowed, why, out);
    }

    private static int delta(int e, int a) {
        int r = Math.abs((e >> 16 & 0xff) - (a >> 16 & 0xff));
        int g = Math.abs((e >> 8 & 0xff) - (a >> 8 & 0xff));
        int b = Math.abs((e & 0xff) - (a & 0xff));
        return Math.max(r, Math.max(g, b));
    }

    private static int luminance(int rgb) {
        return ((rgb >> 16 & 0xff) * 3 + (rgb >> 8 & 0xff) * 6 + (rgb & 0xff)) / 10;
    }
}
