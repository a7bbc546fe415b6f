//! The batch page's map: an inline SVG dot map of China drawn from the division seats'
//! coordinates (crate `govreport-region`; no tiles, no network), one dot per division with
//! reports, coloured by province, and a legend of reports by province.

use std::collections::BTreeMap;

use govreport_region::{Level, Region, all, by_code};

use super::Html;

/// The map's width in pixels; its height follows from the bounds.
const WIDTH: f64 = 600.0;
/// The western bound drawn, in degrees of longitude (the Pamirs).
const WEST: f64 = 73.0;
/// The eastern bound (the Ussuri).
const EAST: f64 = 136.0;
/// The southern bound, in degrees of latitude (三沙).
const SOUTH: f64 = 16.0;
/// The northern bound (漠河).
const NORTH: f64 = 54.0;
/// A degree of longitude at 35°N, China's middle, is this part of a degree of latitude.
const COS_MID: f64 = 0.819;

/// Pixels per degree of latitude.
fn scale() -> f64 {
    WIDTH / ((EAST - WEST) * COS_MID)
}

/// The map's height in pixels.
fn height() -> f64 {
    (NORTH - SOUTH) * scale()
}

/// Where a seat is on the map (x right, y down), in whole pixels.
fn project(lat: f64, lon: f64) -> (i64, i64) {
    let x = (lon - WEST) * COS_MID * scale();
    let y = (NORTH - lat) * scale();
    (x.round() as i64, y.round() as i64)
}

/// The outline of the country: every division's seat as a dot of one SVG path, each pixel
/// once (`M12 34h0` is a dot with a round line cap).
fn outline() -> String {
    let mut dots: Vec<(i64, i64)> = all().map(|r| project(r.lat, r.lon)).collect();
    dots.sort_unstable();
    dots.dedup();
    dots.iter().map(|(x, y)| format!("M{x} {y}h0")).collect()
}

/// The provinces' codes in code order; a province's colour is its place in it.
fn provinces() -> Vec<String> {
    let provinces = all().filter(|r| r.level == Level::Province);
    provinces.map(|r| r.code).collect()
}

/// The colour of the province with this two-digit prefix: hues a golden angle apart in code
/// order, so that provinces with neighbouring codes (often neighbours on the map) differ.
fn colour(provinces: &[String], prefix: &str) -> String {
    let at = provinces.iter().position(|p| p.starts_with(prefix));
    let hue = at.map_or(0.0, |i| (i as f64 * 137.508) % 360.0);
    format!("hsl({hue:.0},65%,42%)")
}

/// The dot's radius for a division with `n` reports.
fn radius(n: usize) -> f64 {
    (2.5 + 1.5 * (n as f64).sqrt()).min(12.0)
}

/// The map and its legend, for reports per region code and the reports not placed.
pub fn render(h: &mut Html, places: &BTreeMap<String, usize>, unplaced: usize) {
    let provinces = provinces();
    let placed: Vec<(Region, usize)> = places
        .iter()
        .filter_map(|(code, &n)| by_code(code).map(|r| (r, n)))
        .collect();
    let total: usize = placed.iter().map(|(_, n)| n).sum();
    let caption = format!("Reports on the map: {total} placed, {unplaced} not placed");
    h.el("<figure><figcaption>", &caption, "</figcaption>")
        .raw("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"")
        .text(&caption)
        .raw("\" width=\"")
        .show(WIDTH)
        .raw("\" height=\"")
        .show(height().round())
        .raw("\"><path fill=\"none\" stroke=\"#d5d8e0\" stroke-width=\"2\" stroke-linecap=\"round\" d=\"")
        .text(&outline())
        .raw("\"/><g fill-opacity=\".8\" stroke=\"#fff\" stroke-width=\".5\">");
    for (region, n) in &placed {
        dot(h, region, *n, &colour(&provinces, &region.code[..2]));
    }
    h.raw("</g></svg></figure>");
    legend(h, &placed, &provinces);
}

/// One division's dot, its name and count in a tooltip.
fn dot(h: &mut Html, region: &Region, n: usize, fill: &str) {
    let (x, y) = project(region.lat, region.lon);
    let tip = format!("{} {}: {n} report(s)", region.code, region.full_name());
    h.raw("<circle cx=\"")
        .show(x)
        .raw("\" cy=\"")
        .show(y)
        .raw("\" r=\"")
        .show(format!("{:.1}", radius(n)))
        .raw("\" fill=\"")
        .text(fill)
        .raw("\">")
        .el("<title>", &tip, "</title>")
        .raw("</circle>");
}

/// Reports by province, most first, each with its colour.
fn legend(h: &mut Html, placed: &[(Region, usize)], provinces: &[String]) {
    let mut by_province: BTreeMap<String, usize> = BTreeMap::new();
    for (region, n) in placed {
        let name = region.province.clone().unwrap_or_default();
        *by_province.entry(name).or_default() += n;
    }
    let mut rows: Vec<(String, usize)> = by_province.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    h.raw("<figure><figcaption>Reports by province</figcaption><table>");
    for (name, n) in rows {
        let prefix = placed
            .iter()
            .find(|(r, _)| r.province.as_deref() == Some(&name));
        let prefix = prefix.map_or("", |(r, _)| &r.code[..2]);
        h.raw("<tr><td class=l><span style=\"color:")
            .text(&colour(provinces, prefix))
            .raw("\">●</span> ")
            .text(&name)
            .raw("<td>")
            .show(n);
    }
    h.raw("</table></figure>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn china_fits_the_map_and_north_is_up() {
        for r in all() {
            let (x, y) = project(r.lat, r.lon);
            assert!((0..=WIDTH as i64).contains(&x), "{} {x}", r.code);
            assert!((0..=height() as i64 + 1).contains(&y), "{} {y}", r.code);
        }
        let (beijing, guangzhou) = (by_code("110000").unwrap(), by_code("440100").unwrap());
        assert!(project(beijing.lat, beijing.lon).1 < project(guangzhou.lat, guangzhou.lon).1);
    }

    #[test]
    fn the_map_has_a_dot_per_division_with_reports_and_a_legend() {
        let places = BTreeMap::from([("320813".to_string(), 2), ("110105".to_string(), 1)]);
        let mut h = Html::new();
        render(&mut h, &places, 3);
        let page = h.into_string();
        assert_eq!(page.matches("<circle").count(), 2);
        assert!(
            page.contains("320813 江苏省淮安市洪泽区: 2 report(s)"),
            "{page}"
        );
        assert!(page.contains("3 placed, 3 not placed"));
        let jiangsu = page.find("江苏省<td>2").unwrap();
        assert!(jiangsu < page.find("北京市<td>1").unwrap(), "most first");
        assert_eq!(
            page.matches("http").count(),
            1,
            "the SVG namespace, nothing fetched"
        );
    }

    #[test]
    fn provinces_with_neighbouring_codes_differ_in_colour() {
        let provinces = provinces();
        assert_eq!(provinces.len(), 34);
        let colours: Vec<String> = provinces
            .iter()
            .map(|p| colour(&provinces, &p[..2]))
            .collect();
        assert!(colours.windows(2).all(|w| w[0] != w[1]));
    }

    #[test]
    fn dots_grow_with_reports_but_stay_small() {
        assert!(radius(1) < radius(4) && radius(10_000) <= 12.0);
    }
}
