package io.legoj.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * Line charts as PNG files with the JDK alone (headless AWT and ImageIO): measured series as lines
 * with markers over a linear x axis, and reference levels (another system's figure, say) as dashed
 * horizontal lines. Both axes start at zero, so that ratios read true.
 */
final class Charts {
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Stroke SOLID = new BasicStroke(2.5f);
    private static final Stroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 6f}, 0f);

    /** Measured points, joined in the order given. */
    record Series(String name, Color color, double[] x, double[] y) {
    }

    /** A horizontal line across the chart at {@code y}. */
    record Level(String name, Color color, double y) {
    }

    record Chart(String title, String xLabel, String yLabel, List<Series> series, List<Level> levels) {
    }

    private Charts() {
    }

    static void writePng(Chart chart, int width, int height, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            new Plot(g, chart, width, height).draw();
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("this JVM has no PNG writer for " + file);
        }
    }

    /** One drawing: the data's ranges mapped onto the area inside the margins. */
    private static final class Plot {
        private final Graphics2D g;
        private final Chart chart;
        private final int width;
        private final int height;
        private final double xMax;
        private final double yMax;
        private final double yStep;

        Plot(Graphics2D g, Chart chart, int width, int height) {
            this.g = g;
            this.chart = chart;
            this.width = width;
            this.height = height;
            double xs = 0;
            double ys = 0;
            for (Series s : chart.series()) {
                for (int i = 0; i < s.x().length; i++) {
                    xs = Math.max(xs, s.x()[i]);
                    ys = Math.max(ys, s.y()[i]);
                }
            }
            for (Level l : chart.levels()) {
                ys = Math.max(ys, l.y());
            }
            this.xMax = xs > 0 ? xs : 1;
            this.yStep = niceStep((ys > 0 ? ys * 1.1 : 1) / 5);
            this.yMax = Math.ceil((ys > 0 ? ys * 1.1 : 1) / yStep) * yStep;
        }

        void draw() {
            axes();
            for (Level l : chart.levels()) {
                g.setColor(l.color());
                g.setStroke(DASHED);
                g.drawLine(px(0), py(l.y()), px(xMax), py(l.y()));
            }
            for (Series s : chart.series()) {
                g.setColor(s.color());
                g.setStroke(SOLID);
                for (int i = 0; i < s.x().length; i++) {
                    if (i > 0) {
                        g.drawLine(px(s.x()[i - 1]), py(s.y()[i - 1]), px(s.x()[i]), py(s.y()[i]));
                    }
                    g.fillOval(px(s.x()[i]) - 4, py(s.y()[i]) - 4, 9, 9);
                }
            }
            legend();
        }

        private void axes() {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            FontMetrics fm = g.getFontMetrics();
            g.setStroke(new BasicStroke(1f));
            for (double y = 0; y <= yMax + yStep / 2; y += yStep) {
                g.setColor(new Color(225, 225, 225));
                g.drawLine(px(0), py(y), px(xMax), py(y));
                g.setColor(Color.DARK_GRAY);
                String label = number(y);
                g.drawString(label, px(0) - 8 - fm.stringWidth(label), py(y) + fm.getAscent() / 2 - 1);
            }
            TreeSet<Double> ticks = new TreeSet<>();
            chart.series().forEach(s -> {
                for (double x : s.x()) {
                    ticks.add(x);
                }
            });
            for (double x : ticks) {
                String label = number(x);
                g.drawLine(px(x), py(0), px(x), py(0) + 5);
                g.drawString(label, px(x) - fm.stringWidth(label) / 2, py(0) + 8 + fm.getAscent());
            }
            g.setColor(Color.BLACK);
            g.drawLine(px(0), py(0), px(xMax), py(0));
            g.drawLine(px(0), py(0), px(0), py(yMax));
            g.drawString(chart.xLabel(), px(xMax / 2) - fm.stringWidth(chart.xLabel()) / 2, height - 15);
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            g.drawString(chart.yLabel(), -(TOP + (height - TOP - BOTTOM) / 2) - fm.stringWidth(chart.yLabel()) / 2, 22);
            g.setTransform(saved);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            int titleWidth = g.getFontMetrics().stringWidth(chart.title());
            g.drawString(chart.title(), (width - titleWidth) / 2, 30);
        }

        private void legend() {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            FontMetrics fm = g.getFontMetrics();
            int x = px(0) + 15;
            int y = TOP + 12;
            int line = fm.getHeight() + 4;
            int entries = chart.series().size() + chart.levels().size();
            int textWidth = 0;
            for (Series s : chart.series()) {
                textWidth = Math.max(textWidth, fm.stringWidth(s.name()));
            }
            for (Level l : chart.levels()) {
                textWidth = Math.max(textWidth, fm.stringWidth(l.name()));
            }
            g.setColor(new Color(255, 255, 255, 230));
            g.fillRect(x - 8, y - 6, textWidth + 60, entries * line + 6);
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(x - 8, y - 6, textWidth + 60, entries * line + 6);
            for (Series s : chart.series()) {
                entry(s.name(), s.color(), SOLID, x, y, fm);
                y += line;
            }
            for (Level l : chart.levels()) {
                entry(l.name(), l.color(), DASHED, x, y, fm);
                y += line;
            }
        }

        private void entry(String name, Color color, Stroke stroke, int x, int y, FontMetrics fm) {
            int mid = y + fm.getHeight() / 2;
            g.setColor(color);
            g.setStroke(stroke);
            g.drawLine(x, mid, x + 36, mid);
            g.setColor(Color.BLACK);
            g.drawString(name, x + 44, mid + fm.getAscent() / 2 - 1);
        }

        private int px(double x) {
            return LEFT + (int) Math.round(x / xMax * (width - LEFT - RIGHT));
        }

        private int py(double y) {
            return height - BOTTOM - (int) Math.round(y / yMax * (height - TOP - BOTTOM));
        }
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / pow;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * pow;
    }

    private static String number(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9 || Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 1 ? "%.1f" : "%.2f", v);
    }
}
