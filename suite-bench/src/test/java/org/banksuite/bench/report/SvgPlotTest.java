package org.banksuite.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class SvgPlotTest {

    private final BenchReport report = Reports.report(List.of(
            Reports.rate(5, 4.9, 12, 150, 400, 0, 20),
            Reports.rate(50, 49.5, 20, 200, 900, 0, 15),
            Reports.rate(200, 120, 800, 15_000, 40_000, 30, 12)), 250);

    @Test
    void isWellFormedXmlWithBothAxesLabelledWithTheirUnits() throws Exception {
        Document svg = parse(SvgPlot.render("latency <vs> throughput & more", SvgPlot.seriesOf(report)));

        assertThat(svg.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(text(svg, "//*[@id='x-label']")).contains("completed transfers per second").contains("1/s");
        assertThat(text(svg, "//*[@id='y-label']")).contains("latency").contains("ms").contains("log");
        assertThat(nodes(svg, "//*[@id='x-axis']").getLength()).isEqualTo(1);
        assertThat(nodes(svg, "//*[@id='y-axis']").getLength()).isEqualTo(1);
    }

    @Test
    void drawsOnePathPerSeriesWithOneDotPerRate() throws Exception {
        Document svg = parse(SvgPlot.render("plot", SvgPlot.seriesOf(report)));

        NodeList series = nodes(svg, "//*[@class='series']");
        assertThat(series.getLength()).isEqualTo(3);
        for (String id : List.of("booked-p50", "booked-p99", "accept-p99")) {
            assertThat(nodes(svg, "//*[@id='" + id + "']/*[local-name()='path']").getLength()).isEqualTo(1);
            assertThat(nodes(svg, "//*[@id='" + id + "']/*[local-name()='circle']").getLength()).isEqualTo(3);
        }
    }

    @Test
    void theLogScaleCoversEveryLatencyInWholeDecades() throws Exception {
        Document svg = parse(SvgPlot.render("plot", SvgPlot.seriesOf(report)));

        // accept p99 12 ms ... booked p99 40 s: decades 10 ms to 100,000 ms
        NodeList labels = nodes(svg, "//*[@id='tick-labels']/*");
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < labels.getLength(); i++) {
            texts.add(labels.item(i).getTextContent());
        }
        assertThat(texts).contains("10", "100", "1000", "10000", "100000");
    }

    @Test
    void roundsTheThroughputAxisUpToANiceNumber() {
        assertThat(SvgPlot.niceCeiling(120)).isEqualTo(200);
        assertThat(SvgPlot.niceCeiling(49.5)).isEqualTo(50);
        assertThat(SvgPlot.niceCeiling(0.3)).isEqualTo(1);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static NodeList nodes(Document document, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
    }

    private static String text(Document document, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, document);
    }
}
