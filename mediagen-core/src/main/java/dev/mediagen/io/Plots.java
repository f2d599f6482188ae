package dev.mediagen.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Headless PNG charts with JFreeChart, written atomically. Series take fixed colours from {@link
 * #PALETTE} in order, so the same data always gives the same bytes on the same JDK and fonts. Bar
 * charts show values as percentages when every value lies in [0, 1] (accuracies, win rates), else
 * as plain numbers; the overloads with {@code percent} choose explicitly.
 */
public final class Plots {
  /** Series colours, in order (Tableau 10). */
  public static final Color[] PALETTE = {
    new Color(0x4e79a7), new Color(0xf28e2b), new Color(0xe15759), new Color(0x76b7b2),
    new Color(0x59a14f), new Color(0xedc948), new Color(0xb07aa1), new Color(0xff9da7),
    new Color(0x9c755f), new Color(0xbab0ac)
  };

  public static final int WIDTH = 800;
  public static final int HEIGHT = 500;

  private Plots() {}

  /** One bar per category, in the map's iteration order; see the class comment for percents. */
  public static void bar(String title, Map<String, Double> values, String yLabel, Path png)
      throws IOException {
    bar(title, values, yLabel, allFractions(values.values()), png);
  }

  /** As {@link #bar(String, Map, String, Path)}, choosing the percent format explicitly. */
  public static void bar(
      String title, Map<String, Double> values, String yLabel, boolean percent, Path png)
      throws IOException {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    String row = yLabel == null ? "" : yLabel;
    values.forEach((category, v) -> data.addValue(finite(v, category), row, category));
    write(categoryChart(title, "", yLabel, data, percent, false), png);
  }

  /**
   * Grouped bars: {@code series} maps a series name (legend) to its values per category; the
   * categories are the union in first-seen order.
   */
  public static void groupedBar(String title, Map<String, Map<String, Double>> series, Path png)
      throws IOException {
    groupedBar(title, "", series, png);
  }

  /** As {@link #groupedBar(String, Map, Path)}, with a y-axis label. */
  public static void groupedBar(
      String title, String yLabel, Map<String, Map<String, Double>> series, Path png)
      throws IOException {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    boolean percent = true;
    for (Map.Entry<String, Map<String, Double>> s : series.entrySet()) {
      for (Map.Entry<String, Double> v : s.getValue().entrySet()) {
        data.addValue(finite(v.getValue(), s.getKey() + "/" + v.getKey()), s.getKey(), v.getKey());
      }
      percent &= allFractions(s.getValue().values());
    }
    write(categoryChart(title, "", yLabel, data, percent, true), png);
  }

  /**
   * Line chart: each entry of {@code seriesXY} is {@code {xs, ys}} (two arrays of equal length).
   * NaN y values leave a gap. With {@code logX}, x is on a base-10 log axis and must be positive.
   */
  public static void lines(
      String title,
      String xLabel,
      String yLabel,
      Map<String, double[][]> seriesXY,
      boolean logX,
      Path png)
      throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, double[][]> e : seriesXY.entrySet()) {
      double[][] xy = e.getValue();
      if (xy == null || xy.length != 2 || xy[0].length != xy[1].length) {
        throw new IllegalArgumentException(
            "series '" + e.getKey() + "' must be {xs, ys} of equal length");
      }
      XYSeries s = new XYSeries(e.getKey(), false, true);
      for (int i = 0; i < xy[0].length; i++) {
        double x = xy[0][i];
        if (!Double.isFinite(x) || (logX && x <= 0)) {
          throw new IllegalArgumentException(
              "series '"
                  + e.getKey()
                  + "' x["
                  + i
                  + "] = "
                  + x
                  + (logX ? " must be finite and > 0 on a log axis" : " must be finite"));
        }
        s.add(x, Double.isNaN(xy[1][i]) ? null : xy[1][i]);
      }
      data.addSeries(s);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title,
            xLabel,
            yLabel,
            data,
            PlotOrientation.VERTICAL,
            seriesXY.size() > 1,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    if (logX) {
      LogAxis axis = new LogAxis(xLabel);
      axis.setBase(10);
      axis.setSmallestValue(1e-300);
      axis.setNumberFormatOverride(new CompactFormat());
      plot.setDomainAxis(axis);
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < seriesXY.size(); i++) {
      r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      r.setSeriesStroke(i, new BasicStroke(2f));
    }
    plot.setRenderer(r);
    style(chart);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    write(chart, png);
  }

  private static JFreeChart categoryChart(
      String title,
      String xLabel,
      String yLabel,
      DefaultCategoryDataset data,
      boolean percent,
      boolean legend) {
    JFreeChart chart =
        ChartFactory.createBarChart(
            title, xLabel, yLabel, data, PlotOrientation.VERTICAL, legend, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setBarPainter(new StandardBarPainter()); // flat colours, no gradient
    r.setShadowVisible(false);
    r.setItemMargin(0.05);
    for (int i = 0; i < data.getRowCount(); i++) {
      r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    NumberFormat fmt =
        percent
            ? new DecimalFormat("0.#%", DecimalFormatSymbols.getInstance(Locale.ROOT))
            : new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
    r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", fmt));
    r.setDefaultItemLabelsVisible(true);
    NumberAxis y = (NumberAxis) plot.getRangeAxis();
    y.setNumberFormatOverride(fmt);
    if (percent) {
      y.setRange(0, 1.08); // room for the labels above a 100% bar
      y.setTickUnit(new NumberTickUnit(0.1, fmt));
    } else {
      y.setUpperMargin(0.12);
    }
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    style(chart);
    return chart;
  }

  private static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    if (chart.getTitle() != null) {
      chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    }
  }

  private static void write(JFreeChart chart, Path png) throws IOException {
    AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
  }

  /** Plain numbers in [1e-3, 1e4), else short scientific ("2.5e6"): readable log-axis ticks. */
  private static final class CompactFormat extends NumberFormat {
    private final DecimalFormat plain =
        new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
    private final DecimalFormat sci =
        new DecimalFormat("0.##E0", DecimalFormatSymbols.getInstance(Locale.ROOT));

    @Override
    public StringBuffer format(double v, StringBuffer to, java.text.FieldPosition pos) {
      double a = Math.abs(v);
      boolean usePlain = a == 0 || (a >= 1e-3 && a < 1e4);
      return to.append((usePlain ? plain : sci).format(v).replace("E", "e"));
    }

    @Override
    public StringBuffer format(long v, StringBuffer to, java.text.FieldPosition pos) {
      return format((double) v, to, pos);
    }

    @Override
    public Number parse(String source, java.text.ParsePosition pos) {
      return plain.parse(source, pos);
    }
  }

  private static boolean allFractions(Collection<Double> values) {
    return values.stream().allMatch(v -> v != null && v >= 0 && v <= 1);
  }

  private static double finite(Double v, String what) {
    if (v == null || !Double.isFinite(v)) {
      throw new IllegalArgumentException(
          "value of '" + what + "' is " + v + "; bars need finite values");
    }
    return v;
  }
}
