package org.zeromq.spring.benchmarks.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.io.File;
import java.io.IOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import org.zeromq.spring.benchmarks.harness.Metric;
import org.zeromq.spring.benchmarks.harness.ResultCsv;

/**
 * One sweep as a PNG: a panel per metric stacked over a shared x axis (the swept parameter),
 * one curve per side through the medians, with bars from the slowest to the fastest round.
 * Axes are logarithmic where the values span more than a decade or two, as the sweeps' x values
 * always do.
 */
final class SweepChart {

	private static final int WIDTH = 900;

	private static final int PANEL_HEIGHT = 330;

	// A range this wide (largest over smallest) reads better on a log scale.
	private static final double LOG_SPAN = 30;

	private static final Map<String, Color> SIDE_COLOURS = Map.of("raw", new Color(0x55, 0x6b, 0x8d), "starter",
			new Color(0x2e, 0x9d, 0x4f));

	private final String sweep;

	private final List<ResultCsv.Row> rows;

	/** @param rows the rows of this sweep only */
	SweepChart(String sweep, List<ResultCsv.Row> rows) {
		this.sweep = sweep;
		this.rows = rows;
	}

	void writePng(File file) throws IOException {
		String parameter = this.rows.get(0).sweepPoint().orElseThrow().parameter();
		double[] points = this.rows.stream().mapToDouble((row) -> row.sweepPoint().orElseThrow().value()).distinct().sorted().toArray();
		// The points named in the label: a log axis ticks decades only, and 50 is no decade.
		ValueAxis x = axis(parameter + ": " + DoubleStream.of(points).mapToObj((p) -> String.format(Locale.ROOT, "%,.0f", p))
			.collect(Collectors.joining(", ")), points);
		CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
		plot.setGap(12);
		Map<String, Metric> metrics = new LinkedHashMap<>();
		// CPU per round is in the table, not drawn: rounds differ in size from point to point.
		// Allocation is drawn: it is per message.
		this.rows.stream().filter((row) -> !row.metric().name().equals(ResultCsv.CPU.name()))
			.forEach((row) -> metrics.putIfAbsent(row.metric().name(), row.metric()));
		boolean first = true;
		for (Metric metric : metrics.values()) {
			// Every panel has the same sides: the legend names them once.
			plot.add(panel(metric, first), 1);
			first = false;
		}
		JFreeChart chart = new JFreeChart(this.sweep, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
		chart.addSubtitle(new TextTitle("starter vs raw JeroMQ, one harness run: median of the timed rounds, bars min – max"));
		chart.setBackgroundPaint(Color.WHITE);
		ChartUtils.saveChartAsPNG(file, chart, WIDTH, 90 + PANEL_HEIGHT * metrics.size());
	}

	private XYPlot panel(Metric metric, boolean inLegend) {
		YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
		Map<String, YIntervalSeries> bySide = new LinkedHashMap<>();
		for (ResultCsv.Row row : this.rows) {
			if (!row.metric().name().equals(metric.name())) {
				continue;
			}
			bySide.computeIfAbsent(row.side(), YIntervalSeries::new)
				.add(row.sweepPoint().orElseThrow().value(), row.stats().median(), row.stats().min(), row.stats().max());
		}
		bySide.values().forEach(dataset::addSeries);
		XYErrorRenderer renderer = new XYErrorRenderer();
		renderer.setDrawXError(false);
		renderer.setDefaultLinesVisible(true);
		renderer.setDefaultShapesVisible(true);
		renderer.setCapLength(6);
		renderer.setDefaultSeriesVisibleInLegend(inLegend);
		// One marker for every curve in every panel, so that the legend matches them all.
		renderer.setAutoPopulateSeriesShape(false);
		renderer.setDefaultShape(new Ellipse2D.Double(-4, -4, 8, 8));
		int series = 0;
		for (String side : bySide.keySet()) {
			Paint paint = SIDE_COLOURS.getOrDefault(side, Color.DARK_GRAY);
			renderer.setSeriesPaint(series, paint);
			renderer.setSeriesStroke(series, new BasicStroke(2f));
			series++;
		}
		double[] values = this.rows.stream().filter((row) -> row.metric().name().equals(metric.name()))
			.flatMapToDouble((row) -> DoubleStream.of(row.stats().min(), row.stats().max())).toArray();
		String label = metric.name() + (metric.higherIsBetter() ? " (higher is better)" : " (lower is better)");
		XYPlot panel = new XYPlot(dataset, null, axis(label, values), renderer);
		panel.setBackgroundPaint(new Color(0xf7, 0xf7, 0xf7));
		panel.setDomainGridlinePaint(Color.LIGHT_GRAY);
		panel.setRangeGridlinePaint(Color.LIGHT_GRAY);
		return panel;
	}

	private static ValueAxis axis(String label, double[] values) {
		double min = Double.MAX_VALUE;
		double max = 0;
		for (double value : values) {
			min = Math.min(min, value);
			max = Math.max(max, value);
		}
		DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
		if (min > 0 && max / min > LOG_SPAN) {
			LogAxis log = new LogAxis(label);
			log.setNumberFormatOverride(format);
			// A tick per decade: the steps in between would be labelled 31,622.78 and the like.
			log.setTickUnit(new NumberTickUnit(1));
			log.setSmallestValue(min / 2);
			return log;
		}
		NumberAxis linear = new NumberAxis(label);
		linear.setNumberFormatOverride(format);
		linear.setAutoRangeIncludesZero(true);
		return linear;
	}

}
