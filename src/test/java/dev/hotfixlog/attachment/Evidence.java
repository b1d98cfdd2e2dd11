package dev.hotfixlog.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Real files for the tests: images drawn with ImageIO, and the metadata a phone or an editor puts in them. */
final class Evidence {
    private Evidence() {}

    /** A small graph-like picture, different for each {@code seed}. */
    static BufferedImage picture(int width, int height, int seed) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(seed * 37 % 255, 80, 160));
        for (int x = 0; x < width; x += 4) {
            int y = (int) (height / 2 + Math.sin((x + seed) / 9.0) * height / 3);
            g.fillRect(x, y, 3, height - y);
        }
        g.dispose();
        return img;
    }

    static byte[] png(int seed) {
        return encode(picture(120, 80, seed), "png");
    }

    static byte[] jpeg(int seed) {
        return encode(picture(120, 80, seed), "jpg");
    }

    static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG with a text chunk (who made it) put right after its header chunk. */
    static byte[] pngWithText(int seed, String keyword, String text) {
        byte[] png = png(seed);
        byte[] data = (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length)
                .put("tEXt".getBytes(StandardCharsets.US_ASCII))
                .put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        int afterIhdr = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        out.writeBytes(chunk.array());
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    /**
     * A JPEG as a phone writes it: an APP1 EXIF segment right after the start, with the maker and model in IFD0
     * and a GPS IFD holding latitude and longitude (a real TIFF structure, little-endian).
     */
    static byte[] jpegWithGps(int seed, String make, String model) {
        byte[] jpeg = jpeg(seed);
        byte[] makeBytes = (make + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] modelBytes = (model + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        int ifd0 = 8;
        int ifd0Size = 2 + 3 * 12 + 4;
        int makeAt = ifd0 + ifd0Size;
        int modelAt = makeAt + makeBytes.length;
        int gpsAt = modelAt + modelBytes.length;
        tiff.position(ifd0);
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x010F)
                .putShort((short) 2)
                .putInt(makeBytes.length)
                .putInt(makeAt);
        tiff.putShort((short) 0x0110)
                .putShort((short) 2)
                .putInt(modelBytes.length)
                .putInt(modelAt);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsAt);
        tiff.putInt(0);
        tiff.put(makeBytes).put(modelBytes);
        int gpsSize = 2 + 4 * 12 + 4;
        int latAt = gpsAt + gpsSize;
        int lonAt = latAt + 24;
        tiff.putShort((short) 4);
        tiff.putShort((short) 1)
                .putShort((short) 2)
                .putInt(2)
                .put((byte) 'N')
                .put((byte) 0)
                .putShort((short) 0);
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(latAt);
        tiff.putShort((short) 3)
                .putShort((short) 2)
                .putInt(2)
                .put((byte) 'E')
                .put((byte) 0)
                .putShort((short) 0);
        tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(lonAt);
        tiff.putInt(0);
        for (int v : new int[] {52, 31, 12}) { // 52°31'12" N
            tiff.putInt(v).putInt(1);
        }
        for (int v : new int[] {13, 24, 36}) { // 13°24'36" E
            tiff.putInt(v).putInt(1);
        }
        int tiffLength = tiff.position();
        byte[] exif = new byte[6 + tiffLength];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiffLength);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
