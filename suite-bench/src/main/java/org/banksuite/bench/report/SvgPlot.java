package org.banksuite.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A latency-versus-throughput plot as a standalone SVG document: x = completed transfers per second (linear, from 0),
 * y = latency in milliseconds on a log scale (whole decades), one polyline with dots per series, a legend, and both
 * axes labelled with their units. Points with a latency of 0 or less cannot be drawn on a log scale and are left out.
 */
public final class SvgPlot {

    /** One point: x completed/s, y latency ms. */
    public record Point(double x, double y) {
    }

    /** One line of the plot. */
    public record Series(String name, String color, List<Point> points) {

        public Series {
            points = List.copyOf(points);
        }
    }

    static final int WIDTH = 760;
    static final int HEIGHT = 480;
    private static final int LEFT = 80;
    private static final int RIGHT = 190;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private SvgPlot() {
    }

    /** The three usual series of a report: booked p50, booked p99 and accept p99 against completed/s. */
    public static List<Series> seriesOf(BenchReport report) {
        List<Point> bookedP50 = new ArrayList<>();
        List<Point> bookedP99 = new ArrayList<>();
        List<Point> acceptP99 = new ArrayList<>();
        report.rates().stream().sorted(java.util.Comparator.comparingDouble(RateResult::offeredPerSecond)).forEach(rate -> {
            double x = rate.run().completedPerSecond();
            bookedP50.add(new Point(x, rate.run().bookedLatency().p50Ms()));
            bookedP99.add(new Point(x, rate.run().bookedLatency().p99Ms()));
            acceptP99.add(new Point(x, rate.run().accept().p99Ms()));
        });
        return List.of(new Series("booked p50", "#1f77b4", bookedP50), new Series("booked p99", "#d62728", bookedP99),
                new Series("accept p99", "#2ca02c", acceptP99));
    }

    /** The SVG document. */
    public static String render(String title, List<Series> series) {
        List<Point> all = series.stream().flatMap(line -> line.points().stream()).filter(point -> point.y() > 0).toList();
        double maxX = niceCeiling(all.stream().mapToDouble(Point::x).max().orElse(1));
        int lowDecade = (int) Math.floor(Math.log10(all.stream().mapToDouble(Point::y).min().orElse(1)));
        int highDecade = Math.max(lowDecade + 1,
                (int) Math.ceil(Math.log10(all.stream().mapToDouble(Point::y).max().orElse(10))));
        Scale scale = new Scale(maxX, lowDecade, highDecade);

        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"25\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        svg.append("<g id=\"grid\" stroke=\"#dddddd\" stroke-width=\"1\">\n");
        for (int decade = lowDecade; decade <= highDecade; decade++) {
            double y = scale.y(Math.pow(10, decade));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>%n", LEFT, y,
                    WIDTH - RIGHT, y));
        }
        for (int tick = 0; tick <= 5; tick++) {
            double x = scale.x(maxX * tick / 5);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>%n", x, TOP, x,
                    HEIGHT - BOTTOM));
        }
        svg.append("</g>\n");
        svg.append("<g id=\"axes\" stroke=\"black\" stroke-width=\"1.5\">\n");
        svg.append(String.format(Locale.ROOT, "<line id=\"x-axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>%n", LEFT,
                HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line id=\"y-axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>%n", LEFT, TOP,
                LEFT, HEIGHT - BOTTOM));
        svg.append("</g>\n");
        svg.append("<g id=\"tick-labels\">\n");
        for (int decade = lowDecade; decade <= highDecade; decade++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6,
                    scale.y(Math.pow(10, decade)) + 4, Table.number(Math.pow(10, decade))));
        }
        for (int tick = 0; tick <= 5; tick++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    scale.x(maxX * tick / 5), HEIGHT - BOTTOM + 18, Table.number(maxX * tick / 5)));
        }
        svg.append("</g>\n");
        svg.append(String.format(Locale.ROOT, "<text id=\"x-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
                + "completed transfers per second (1/s)</text>%n", (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 15));
        svg.append(String.format(Locale.ROOT, "<text id=\"y-label\" x=\"20\" y=\"%d\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 20 %d)\">latency (ms, log scale)</text>%n", (TOP + HEIGHT - BOTTOM) / 2,
                (TOP + HEIGHT - BOTTOM) / 2));
        int legendY = TOP + 10;
        for (Series line : series) {
            List<Point> drawable = line.points().stream().filter(point -> point.y() > 0).toList();
            StringBuilder path = new StringBuilder();
            for (Point point : drawable) {
                path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
                        scale.x(point.x()), scale.y(point.y())));
            }
            svg.append(String.format(Locale.ROOT, "<g class=\"series\" id=\"%s\">%n", id(line.name())));
            svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    path, line.color()));
            for (Point point : drawable) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n",
                        scale.x(point.x()), scale.y(point.y()), line.color()));
            }
            svg.append("</g>\n");
            int legendX = WIDTH - RIGHT + 20;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-width=\"3\"/>%n", legendX, legendY, legendX + 24, legendY, line.color()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", legendX + 30, legendY + 4,
                    escape(line.name())));
            legendY += 22;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private record Scale(double maxX, int lowDecade, int highDecade) {

        double x(double value) {
            return LEFT + (WIDTH - LEFT - RIGHT) * value / maxX;
        }

        double y(double millis) {
            double fraction = (Math.log10(millis) - lowDecade) / (highDecade - lowDecade);
            return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * fraction;
        }
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value} (and at least 1). */
    static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1))));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String id(String name) {
        return name.replaceAll("[^A-Za-z0-9]+", "-");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
