package dev.mediagen.io;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;

/**
 * Animated GIFs through the JDK's ImageIO writer: a Graphic Control Extension per frame carries the
 * delay, a {@code NETSCAPE2.0} application extension makes it loop forever.
 *
 * <p>GIF holds at most 256 colours. All frames share one {@link Palette}: exact for palette renders
 * (ShapesWorld uses a few dozen colours), a median-cut approximation without dithering for
 * generated images with more colours, which are therefore <b>quantized</b> in the GIF (use PNG
 * frames or MP4 to judge fine colour). The delay is {@code round(100 / fps)} hundredths of a second
 * (GIF's unit), so e.g. 8 fps plays at 100/13 ≈ 7.7 fps. Bytes are deterministic.
 */
public final class GifWriter {
  /** GIF delays are in 1/100 s, and browsers slow delays under 2 to 10: so at most 50 fps. */
  public static final int MAX_FPS = 50;

  private static final String IMAGE_FORMAT = "javax_imageio_gif_image_1.0";
  private static final String STREAM_FORMAT = "javax_imageio_gif_stream_1.0";

  private GifWriter() {}

  /** The per-frame delay in hundredths of a second for {@code fps}. */
  public static int delayCentiseconds(int fps) {
    if (fps < 1 || fps > MAX_FPS) {
      throw new IllegalArgumentException("GIF fps " + fps + " must be in [1, " + MAX_FPS + "]");
    }
    return Math.round(100f / fps);
  }

  /** Writes {@code frames} (one size, at least one) as a looping GIF at {@code fps}, atomically. */
  public static void write(List<BufferedImage> frames, int fps, Path path) throws IOException {
    int[] size = ImageFiles.requireUniformSize(frames);
    int delay = delayCentiseconds(fps);
    Palette palette = Palette.of(frames);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    try {
      AtomicFiles.write(
          path,
          out -> {
            try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
              writer.setOutput(ios);
              ImageWriteParam param = writer.getDefaultWriteParam();
              writer.prepareWriteSequence(streamMetadata(writer, param, palette, size));
              for (int i = 0; i < frames.size(); i++) {
                BufferedImage img = palette.index(frames.get(i));
                IIOMetadata meta =
                    writer.getDefaultImageMetadata(
                        ImageTypeSpecifier.createFromRenderedImage(img), param);
                configure(meta, delay, i == 0);
                writer.writeToSequence(new IIOImage(img, null, meta), param);
              }
              writer.endWriteSequence();
            }
          });
    } finally {
      writer.dispose();
    }
  }

  /** Screen size and the shared palette as the global colour table (frames carry no local one). */
  private static IIOMetadata streamMetadata(
      ImageWriter writer, ImageWriteParam param, Palette palette, int[] size) throws IOException {
    IIOMetadata meta = writer.getDefaultStreamMetadata(param);
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(STREAM_FORMAT);
    IIOMetadataNode screen = child(root, "LogicalScreenDescriptor");
    screen.setAttribute("logicalScreenWidth", Integer.toString(size[0]));
    screen.setAttribute("logicalScreenHeight", Integer.toString(size[1]));
    IIOMetadataNode table = child(root, "GlobalColorTable");
    while (table.getFirstChild() != null) {
      table.removeChild(table.getFirstChild());
    }
    IndexColorModel cm = palette.colorModel();
    table.setAttribute("sizeOfGlobalColorTable", Integer.toString(cm.getMapSize()));
    table.setAttribute("backgroundColorIndex", "0");
    table.setAttribute("sortFlag", "FALSE");
    for (int i = 0; i < cm.getMapSize(); i++) {
      IIOMetadataNode e = new IIOMetadataNode("ColorTableEntry");
      e.setAttribute("index", Integer.toString(i));
      e.setAttribute("red", Integer.toString(cm.getRed(i)));
      e.setAttribute("green", Integer.toString(cm.getGreen(i)));
      e.setAttribute("blue", Integer.toString(cm.getBlue(i)));
      table.appendChild(e);
    }
    meta.setFromTree(STREAM_FORMAT, root);
    return meta;
  }

  private static void configure(IIOMetadata meta, int delay, boolean first) throws IOException {
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(IMAGE_FORMAT);
    // ImageIO's default image metadata carries a web-safe local table that would override ours
    IIOMetadataNode local = child(root, "LocalColorTable");
    root.removeChild(local);
    child(root, "ImageDescriptor").setAttribute("interlaceFlag", "FALSE");
    IIOMetadataNode gce = child(root, "GraphicControlExtension");
    gce.setAttribute("disposalMethod", "doNotDispose");
    gce.setAttribute("userInputFlag", "FALSE");
    gce.setAttribute("transparentColorFlag", "FALSE");
    gce.setAttribute("transparentColorIndex", "0");
    gce.setAttribute("delayTime", Integer.toString(delay));
    if (first) {
      IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
      app.setAttribute("applicationID", "NETSCAPE");
      app.setAttribute("authenticationCode", "2.0");
      app.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0 = forever
      child(root, "ApplicationExtensions").appendChild(app);
    }
    meta.setFromTree(IMAGE_FORMAT, root);
  }

  private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeName().equals(name)) {
        return (IIOMetadataNode) n;
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    parent.appendChild(node);
    return node;
  }

  /**
   * Decodes every frame as the full canvas a viewer would show ({@code TYPE_INT_RGB}), composing
   * sub-images at their offsets and honouring the disposal methods. For tests and checks.
   */
  public static List<BufferedImage> readFrames(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IOException("cannot read GIF " + path + ": no such file");
    }
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
      reader.setInput(in, false);
      int n = reader.getNumImages(true);
      Node screen =
          child(
              (IIOMetadataNode) reader.getStreamMetadata().getAsTree(STREAM_FORMAT),
              "LogicalScreenDescriptor");
      int w = intAttr(screen, "logicalScreenWidth");
      int h = intAttr(screen, "logicalScreenHeight");
      BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      List<BufferedImage> frames = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        BufferedImage sub = reader.read(i);
        IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree(IMAGE_FORMAT);
        Node desc = child(root, "ImageDescriptor");
        int x = intAttr(desc, "imageLeftPosition");
        int y = intAttr(desc, "imageTopPosition");
        String disposal = child(root, "GraphicControlExtension").getAttribute("disposalMethod");
        BufferedImage before =
            "restoreToPrevious".equals(disposal) ? ImageFiles.toRgb(canvas) : null;
        Graphics2D g = canvas.createGraphics();
        g.drawImage(sub, x, y, null); // transparent pixels keep what is underneath
        g.dispose();
        frames.add(ImageFiles.toRgb(canvas));
        if ("restoreToBackgroundColor".equals(disposal)) {
          Graphics2D c = canvas.createGraphics();
          c.clearRect(x, y, sub.getWidth(), sub.getHeight());
          c.dispose();
        } else if (before != null) {
          canvas = before;
        }
      }
      return frames;
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot decode GIF " + path + ": " + e.getMessage(), e);
    } finally {
      reader.dispose();
    }
  }

  private static int intAttr(Node node, String name) {
    return Integer.parseInt(node.getAttributes().getNamedItem(name).getNodeValue());
  }
}
