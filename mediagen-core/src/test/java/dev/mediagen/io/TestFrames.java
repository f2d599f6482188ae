package dev.mediagen.io;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Small synthetic frames with known pixels for the media tests. */
final class TestFrames {
  static final int BG = 0x2040ff;
  static final int SQUARE = 0xff0000;

  private TestFrames() {}

  /** An image filled with one colour. */
  static BufferedImage solid(int w, int h, int rgb) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, rgb);
      }
    }
    return img;
  }

  /** A side×side red square moving right by one pixel a frame over a blue background. */
  static List<BufferedImage> movingSquare(int w, int h, int frames, int side) {
    List<BufferedImage> out = new ArrayList<>();
    for (int t = 0; t < frames; t++) {
      BufferedImage img = solid(w, h, BG);
      for (int y = (h - side) / 2; y < (h - side) / 2 + side; y++) {
        for (int x = t; x < t + side && x < w; x++) {
          img.setRGB(x, y, SQUARE);
        }
      }
      out.add(img);
    }
    return out;
  }

  /** RGB values of an image, alpha dropped. */
  static int[] pixels(BufferedImage img) {
    int[] p = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    for (int i = 0; i < p.length; i++) {
      p[i] &= 0xffffff;
    }
    return p;
  }

  /** Occurrences of {@code needle} in {@code hay}. */
  static int count(byte[] hay, byte[] needle) {
    int n = 0;
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      n++;
    }
    return n;
  }

  /** First index of {@code needle} in {@code hay}, or -1. */
  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
