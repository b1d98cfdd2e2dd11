package dev.hotfixlog.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The visual-regression comparison: anti-aliasing noise passes, a changed word or a moved box does not. */
class ScreenshotsTest {
    private static BufferedImage page() {
        BufferedImage img = new BufferedImage(375, 812, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 375, 812);
        g.setColor(Color.BLACK);
        g.drawString("HOTFIX-005 Checkout returns 502", 20, 40);
        g.dispose();
        return img;
    }

    @Test
    void theSameImage_andFaintNoise_match() {
        BufferedImage a = page();
        BufferedImage b = page();
        for (int x = 0; x < 375; x += 3) {
            b.setRGB(x, 100, 0xf0f0f0); // 15 of 255 off: below the channel threshold
        }
        for (int x = 0; x < 200; x++) {
            b.setRGB(x, 200, 0x000000); // 200 strongly different pixels, under 0.1 % of 304,500
        }
        Screenshots.Diff d = Screenshots.diff(a, b);
        assertThat(d.differing()).isEqualTo(200);
        assertThat(d.differing()).isLessThanOrEqualTo(d.allowed());
    }

    @Test
    void aChangedWord_aBoxOrAnotherSize_differ() {
        BufferedImage a = page();
        BufferedImage b = page();
        Graphics2D g = b.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(20, 60, 40, 10); // a 400-pixel pill appeared
        g.dispose();
        Screenshots.Diff d = Screenshots.diff(a, b);
        assertThat(d.differing()).isGreaterThan(d.allowed());
        assertThat(d.image().getRGB(25, 65) & 0xffffff).isEqualTo(0xff0000);
        assertThat(d.image().getRGB(300, 700) & 0xffffff).isNotEqualTo(0xff0000);

        BufferedImage taller = new BufferedImage(375, 900, BufferedImage.TYPE_INT_RGB);
        Screenshots.Diff sized = Screenshots.diff(a, taller);
        assertThat(sized.why()).startsWith("size 375×900 instead of 375×812");
        assertThat(sized.differing()).isGreaterThan(sized.allowed());
    }
}
