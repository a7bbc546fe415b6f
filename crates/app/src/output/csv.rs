//! The tidy CSV: one row per table cell, for pandas, R and DuckDB.

use std::io::Write;

use govreport_model::record::Record;
use govreport_parse::statistics::Statistics;

/// The CSV header: record.md's columns (with `region_code` and `agency_level` after
/// `agency`), then `printed` — the cell's text when it was printed as anything other than
/// a plain number (blank, `—`, `/`, `1,234`), else empty.
pub const HEADER: [&str; 11] = [
    "source_path",
    "agency",
    "region_code",
    "agency_level",
    "year",
    "template",
    "table",
    "row",
    "column",
    "value",
    "printed",
];

/// A CSV writer that has written its header.
pub struct TidyWriter<W: Write> {
    inner: ::csv::Writer<W>,
}

impl<W: Write> TidyWriter<W> {
    /// Starts the CSV with its header (written even when no record follows).
    pub fn new(out: W) -> ::csv::Result<Self> {
        let mut inner = ::csv::Writer::from_writer(out);
        inner.write_record(HEADER)?;
        Ok(TidyWriter { inner })
    }

    /// Writes every table cell of one record.
    pub fn write(&mut self, record: &Record) -> ::csv::Result<()> {
        let r = &record.report;
        let year = r.year.map(|y| y.to_string()).unwrap_or_default();
        let base = [
            record.source.path.as_str(),
            r.agency.as_deref().unwrap_or_default(),
            r.region.as_ref().map_or("", |g| g.code.as_str()),
            r.agency_level.map_or("", |l| l.as_str()),
            year.as_str(),
            r.template.as_str(),
        ];
        for (at, cell) in record.tables.cells() {
            let value = cell
                .value
                .as_ref()
                .map(|n| n.to_string())
                .unwrap_or_default();
            self.inner.write_record(base.iter().copied().chain([
                at.table.as_str(),
                at.row,
                at.column,
                value.as_str(),
                cell.printed.as_deref().unwrap_or_default(),
            ]))?;
        }
        let statistics = record.tables.statistics.as_ref();
        for (row, column, value, printed) in statistics.into_iter().flat_map(statistics_cells) {
            self.inner.write_record(base.iter().copied().chain([
                "statistics",
                row,
                column,
                value.as_str(),
                printed.unwrap_or_default(),
            ]))?;
        }
        Ok(())
    }

    /// Flushes buffered rows.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Cells of `tables.statistics` as (row, column, value, printed): `row` is the key (or the
/// label when it has none), `column` the column header.
fn statistics_cells(
    table: &Statistics,
) -> impl Iterator<Item = (&str, &str, String, Option<&str>)> {
    table.rows.iter().enumerate().flat_map(move |(r, row)| {
        let name = row.key.as_deref().unwrap_or(&row.label);
        let columns = table.columns.iter().zip(&row.values).enumerate();
        columns.map(move |(c, (column, v))| {
            let value = match v {
                serde_json::Value::Number(n) => n.to_string(),
                _ => String::new(),
            };
            let printed = table.printed.get(&format!("rows[{r}].values[{c}]"));
            (
                name,
                column.as_str(),
                value,
                printed.and_then(|p| p.as_str()),
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_model::codes::{AgencyLevel, DivisionLevel};
    use govreport_model::record::{Cell, Region, Row, Source, Table};
    use govreport_model::template::TableId;

    /// A record of 洪泽区 with one 表四 cell.
    fn hongze() -> Record {
        let mut record = Record::new(Source {
            path: "x.pdf".into(),
            ..Source::default()
        });
        let r = &mut record.report;
        r.agency = Some("洪泽区人民政府".into());
        r.year = Some(2023);
        r.agency_level = Some(AgencyLevel::County);
        r.region = Some(Region {
            code: "320813".into(),
            name: "洪泽区".into(),
            level: DivisionLevel::County,
            province: Some("江苏省".into()),
            city: Some("淮安市".into()),
            county: Some("洪泽区".into()),
        });
        let cell = Cell {
            column: "total".into(),
            value: Some(3.into()),
            printed: None,
        };
        let rows = vec![Row {
            key: "administrative_review".into(),
            cells: vec![cell],
        }];
        let id = TableId::ReviewLitigation;
        record.tables.review_litigation = Some(Table { id, rows });
        record
    }

    #[test]
    fn region_code_and_agency_level_follow_the_agency() {
        let mut out = Vec::new();
        let mut w = TidyWriter::new(&mut out).unwrap();
        w.write(&hongze()).unwrap();
        w.flush().unwrap();
        drop(w);
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "source_path,agency,region_code,agency_level,year,template,table,row,column,value,printed"
        );
        assert_eq!(
            lines[1],
            "x.pdf,洪泽区人民政府,320813,county,2023,unknown,review_litigation,administrative_review,total,3,"
        );
    }
}
