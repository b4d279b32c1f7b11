"""Simplify the official kommune boundaries into the small map file the package ships.

    .venv/bin/pip install -e '.[maps]'
    .venv/bin/python scripts/simplify_kommuner.py PATH/TO/kommuner.geojson

reads the DAGI boundaries (1.9 MB GeoJSON, WGS84; Geodatastyrelsen & Danske Kommuner, 2014, as
republished in magnuslarsen/geoJSON-Danish-Municipalities; the project keeps it outside this
repository with its provenance)
and writes ``src/jobcentertjek/data/kort.json`` (about 50 KB; a map draws about 23 KB of it):
for each kommune, by its kommunekode, SVG path data already projected, laid out and rounded to
whole map units, in

- the main map (Denmark without Bornholm),
- a box with Bornholm, moved into the Baltic east of Møn, as Danish maps do,
- an enlarged inset of the capital area, for the kommuner too small to click on the main map,
- a locator: a coarse outline of the country plus each kommune's shape, for kommune pages.

Simplification is topology-preserving (``topojson``: shared borders are simplified once, as
arcs, so neighbours still meet and no gaps or overlaps appear). The projection is
equirectangular with its standard parallel at 56° N, the middle of Denmark: across the
country's 3.2 degrees of latitude it distorts east-west lengths by at most 4 %, invisible at
this scale, and it needs no projection library. Rounding comes after the layout, so shared
borders round to the very same points on both sides.

The site never reads the raw file; run this only when the boundaries change.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import defaultdict
from pathlib import Path

import numpy as np
import shapely
import topojson
from shapely import affinity
from shapely.geometry import MultiPolygon, Polygon, box, shape
from shapely.ops import unary_union

OUT = Path(__file__).resolve().parents[1] / "src" / "jobcentertjek" / "data" / "kort.json"
CREDIT = "Kommunegrænser: DAGI, Styrelsen for Dataforsyning og Infrastruktur (2014)"

LAT0 = 56.0  # standard parallel of the projection
SCALE = 220.0  # map units per degree of latitude: the main map is about 630 units wide
WEST, EAST, NORTH, SOUTH = 8.0, 13.1, 57.8, 54.5  # the main map's frame (without Bornholm)
BORNHOLM = "400"
CHRISTIANSOE = "411"  # not a kommune (governed by the state); too small to draw anyway

# The capital inset: the frame it enlarges (lon/lat), how much, and where it sits on the map.
INSET_FRAME = (12.18, 55.55, 12.66, 55.92)  # west, south, east, north
INSET_ZOOM = 2.6
MARGIN = 6.0  # map units between a box and the map's edge

TOLERANCE = 1.0  # map units (about a pixel at the widest): the main map's simplification tolerance
LOCATOR_TOLERANCE = 1.5
MIN_ISLAND = 1.5  # square map units: smaller islets are left out (each kommune keeps its largest part)


def project(lon: float, lat: float) -> tuple[float, float]:
    return (lon - WEST) * math.cos(math.radians(LAT0)) * SCALE, (NORTH - lat) * SCALE


def project_geometry(geometry):
    return shapely.transform(geometry, lambda xy: np.array([project(x, y) for x, y in xy]))


def load(path: Path) -> dict[str, MultiPolygon]:
    """Each kommune's area by its three-digit code, projected, with tiny islets dropped."""
    parts = defaultdict(list)
    for feature in json.loads(path.read_text("utf-8"))["features"]:
        code = feature["properties"]["lau_1"].zfill(3)
        if code == CHRISTIANSOE:
            continue
        geometry = shape(feature["geometry"])
        for polygon in getattr(geometry, "geoms", [geometry]):
            flat = Polygon([xy[:2] for xy in polygon.exterior.coords],
                           [[xy[:2] for xy in ring.coords] for ring in polygon.interiors])
            parts[code].append(project_geometry(flat))
    areas = {}
    for code, polygons in parts.items():
        polygons.sort(key=lambda p: p.area, reverse=True)
        kept = [polygons[0], *(p for p in polygons[1:] if p.area >= MIN_ISLAND)]
        areas[code] = MultiPolygon(kept)
    return areas


def simplify(areas: dict[str, MultiPolygon], tolerance: float) -> dict[str, object]:
    """Topology-preserving simplification: every shared border is simplified once."""
    codes = sorted(areas)
    topo = topojson.Topology([areas[c] for c in codes], prequantize=False, toposimplify=tolerance,
                             prevent_oversimplify=True)
    features = json.loads(topo.to_geojson())["features"]
    return {code: shape(feature["geometry"]) for code, feature in zip(codes, features)}


def path_data(geometry) -> str:
    """SVG path data in whole units: an absolute move, then relative lines (short to write)."""
    out = []
    for polygon in shapely.get_parts(geometry):
        if polygon.is_empty or polygon.geom_type != "Polygon":
            continue
        for ring in [polygon.exterior, *polygon.interiors]:
            points = []
            for x, y in ring.coords[:-1]:
                point = (round(x), round(y))
                if not points or point != points[-1]:
                    points.append(point)
            if len(points) < 3:
                continue
            x0, y0 = points[0]
            steps = "".join(f"{_signed(x - px)}{_signed(y - py)}" for (px, py), (x, y) in zip(points, points[1:]))
            out.append(f"M{x0} {y0}l{steps.lstrip(' ')}z")
    return "".join(out)


def _signed(value: int) -> str:
    return f"-{-value}" if value < 0 else f" {value}"


def layout(areas: dict[str, object], exact: dict[str, MultiPolygon]) -> dict:
    width, height = project(EAST, SOUTH)
    west, south, east, north = INSET_FRAME
    (fx0, fy0), (fx1, fy1) = project(west, north), project(east, south)
    inset_w, inset_h = (fx1 - fx0) * INSET_ZOOM, (fy1 - fy0) * INSET_ZOOM
    inset = box(width - MARGIN - inset_w, MARGIN + 14, width - MARGIN, MARGIN + 14 + inset_h)
    frame = box(fx0, fy0, fx1, fy1)

    bornholm = areas[BORNHOLM]
    bx0, by0, bx1, by1 = bornholm.bounds
    pad = 4.0
    bbox = box(width - MARGIN - (bx1 - bx0) - 2 * pad, height - MARGIN - (by1 - by0) - 2 * pad,
               width - MARGIN, height - MARGIN)
    moved_bornholm = affinity.translate(bornholm, bbox.bounds[0] + pad - bx0, bbox.bounds[1] + pad - by0)

    mainland = unary_union([g for code, g in exact.items() if code != BORNHOLM])
    for name, frame_box in (("inset", inset), ("Bornholm", bbox)):
        if mainland.intersects(frame_box.buffer(2)):
            raise SystemExit(f"The {name} box would cover land: move it")

    def to_inset(geometry):
        moved = affinity.translate(geometry, -fx0, -fy0)
        scaled = affinity.scale(moved, INSET_ZOOM, INSET_ZOOM, origin=(0, 0))
        return affinity.translate(scaled, inset.bounds[0], inset.bounds[1])

    inset_area = to_inset(frame)
    kommuner = {}
    for code, geometry in sorted(areas.items()):
        entry = {}
        # A kommune mostly inside the enlarged frame is linked there, and only drawn on the main map.
        in_frame = exact[code].intersection(frame).area / exact[code].area > 0.5
        if code == BORNHOLM:
            entry["main"] = path_data(moved_bornholm)
        else:
            entry["main"] = path_data(geometry)
        if geometry.intersects(frame):
            entry["inset"] = path_data(shapely.make_valid(to_inset(geometry)).intersection(inset_area))
            entry["in_inset"] = in_frame
        kommuner[code] = entry
    return {
        "width": round(width), "height": round(height),
        "inset": {"box": [round(v) for v in inset.bounds], "frame": [round(v) for v in frame.bounds],
                  "label": "Hovedstadsområdet"},
        "bornholm": {"box": [round(v) for v in bbox.bounds], "label": "Bornholm"},
        "kommuner": kommuner,
    }


def locator(areas: dict[str, object]) -> dict:
    """A coarse outline of the country and each kommune's coarse shape, for the small locator map."""
    coarse = simplify(areas, LOCATOR_TOLERANCE)
    width, height = project(EAST, SOUTH)
    # Bornholm moves next to the mainland in the locator too, just east of Møn.
    bx0, by0, _, _ = coarse[BORNHOLM].bounds
    coarse[BORNHOLM] = affinity.translate(coarse[BORNHOLM], width - 70 - bx0, height - 80 - by0)
    country = unary_union(list(coarse.values())).buffer(0.3).buffer(-0.3)
    return {"outline": path_data(country.simplify(LOCATOR_TOLERANCE)),
            "kommuner": {code: path_data(g) for code, g in sorted(coarse.items())}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("geojson", type=Path, help="kommuner.geojson (DAGI, WGS84)")
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args()
    areas = load(args.geojson)
    data = {"credit": CREDIT, "source": "DAGI 1:500.000 (2014-02-13), simplified by scripts/simplify_kommuner.py",
            **layout(simplify(areas, TOLERANCE), areas), "locator": locator(areas)}
    args.output.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n",
                           encoding="utf-8")
    print(f"{args.output}: {args.output.stat().st_size / 1000:.1f} KB, {len(data['kommuner'])} kommuner")


if __name__ == "__main__":
    main()
