import re
from xml.etree import ElementTree

from questionnaires.charts import RadarAxis, radar_chart_svg

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg):
    return ElementTree.fromstring(str(svg))  # noqa: S314 (markup we generate ourselves)


def chart(**kwargs):
    axes = kwargs.pop(
        "axes",
        [
            RadarAxis(label=f"{n}. Factor {n}", score=s, previous=p)
            for n, s, p in [(1, 63, 50), (2, 25, None), (3, None, 40), (4, 100, 90)]
        ],
    )
    return radar_chart_svg(
        axes=axes,
        title=kwargs.pop("title", "Resultaat van 27 november"),
        description=kwargs.pop("description", "1. Factor 1: 63; 2. Factor 2: 25"),
        chart_id="test",
        current_label="Deze scan",
        previous_label="Vorige scan",
        **kwargs,
    )


def test_the_chart_is_an_accessible_image():
    root = parse(chart())
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "test-title test-desc"
    assert root.find(f"{SVG}title").get("id") == "test-title"
    assert root.find(f"{SVG}title").text == "Resultaat van 27 november"
    assert root.find(f"{SVG}desc").get("id") == "test-desc"
    assert root.get("viewBox").startswith("0 0 ")


def test_the_scores_and_labels_are_in_the_chart():
    svg = str(chart())
    values = re.findall(r'class="radar-chart__value">([^<]+)<', svg)
    assert values == ["63", "25", "–", "100"]  # a factor without a score is marked, not drawn as 0
    for label in ["1. Factor 1", "2. Factor 2", "3. Factor 3", "4. Factor 4"]:
        assert label in svg
    assert "Deze scan" in svg and "Vorige scan" in svg


def test_the_polygon_follows_the_scores():
    svg = str(chart(axes=[RadarAxis(label=str(n), score=100) for n in range(4)]))
    root = parse(svg)
    current = next(p for p in root.iter(f"{SVG}polygon") if p.get("class") == "radar-chart__current")
    points = [tuple(map(float, point.split(","))) for point in current.get("points").split()]
    # Four axes at 100: straight up, right, down and left of the centre, at the rim.
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    assert x0 == x2 and y1 == y3 and y0 < y2 and x3 < x1


def test_previous_scan_only_drawn_when_given():
    assert "radar-chart__previous" in str(chart())
    without = str(chart(axes=[RadarAxis(label=str(n), score=50) for n in range(3)]))
    assert "radar-chart__previous" not in without and "Vorige scan" not in without


def test_text_is_escaped():
    svg = str(chart(title="<script>alert(1)</script>", axes=[RadarAxis(label="A & <b>", score=1)] * 3))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "A &amp; &lt;b&gt;" in svg
    parse(svg)  # still well-formed
