//! The tidy CSV: one row per table cell, for pandas, R and DuckDB.

use std::io::Write;

use serde_json::Value;

use crate::record::Record;

/// The CSV header: record.md's eight columns, then `printed` — the cell's text when it was
/// printed as anything other than a plain number (blank, `—`, `/`, `1,234`), else empty.
pub const HEADER: [&str; 9] = [
    "source_path",
    "agency",
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
        let agency = r.agency.clone().unwrap_or_default();
        let base = [
            record.source.path.as_str(),
            agency.as_str(),
            year.as_str(),
            r.template.as_str(),
        ];
        for (table, row, column, value, printed) in cells(record) {
            let value = match value {
                Value::Number(n) => n.to_string(),
                _ => String::new(),
            };
            self.inner.write_record(base.iter().copied().chain([
                table,
                row.as_str(),
                column.as_str(),
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

type TidyCell<'a> = (&'static str, String, String, &'a Value, Option<&'a str>);

/// Every cell as (table, row, column, value, printed), in table order (表二, 表三, 表四).
fn cells(record: &Record) -> Vec<TidyCell<'_>> {
    let mut out = Vec::new();
    let t = &record.tables;
    push_grouped(&mut out, "active_disclosure", t.active_disclosure.as_ref());
    if let Some(a) = &t.applications {
        for (row, values) in &a.rows {
            for (c, (column, v)) in a
                .columns
                .iter()
                .zip(values.as_array().into_iter().flatten())
                .enumerate()
            {
                let printed = a.printed.get(&format!("rows.{row}[{c}]"));
                let printed = printed.and_then(Value::as_str);
                out.push(("applications", row.clone(), column.clone(), v, printed));
            }
        }
    }
    push_grouped(&mut out, "review_litigation", t.review_litigation.as_ref());
    push_statistics(&mut out, t.statistics.as_ref());
    out
}

/// Cells of `tables.statistics`: `row` = the key (or the label when it has none),
/// `column` = the column header.
fn push_statistics<'a>(
    out: &mut Vec<TidyCell<'a>>,
    table: Option<&'a crate::statistics::Statistics>,
) {
    for (r, row) in table.iter().flat_map(|t| t.rows.iter().enumerate()) {
        let name = row.key.clone().unwrap_or_else(|| row.label.clone());
        for (c, (column, v)) in table
            .into_iter()
            .flat_map(|t| t.columns.iter())
            .zip(&row.values)
            .enumerate()
        {
            let printed = table
                .and_then(|t| t.printed.get(&format!("rows[{r}].values[{c}]")))
                .and_then(Value::as_str);
            out.push(("statistics", name.clone(), column.clone(), v, printed));
        }
    }
}

/// Cells of a table kept as row → column → value (表二, 表四), skipping its `printed` map.
fn push_grouped<'a>(
    out: &mut Vec<TidyCell<'a>>,
    name: &'static str,
    table: Option<&'a serde_json::Map<String, Value>>,
) {
    let printed = table.and_then(|t| t.get("printed"));
    for (row, columns) in table.into_iter().flatten().filter(|(k, _)| *k != "printed") {
        for (column, v) in columns.as_object().into_iter().flatten() {
            let text = printed
                .and_then(|p| p.get(format!("{row}.{column}")))
                .and_then(Value::as_str);
            out.push((name, row.clone(), column.clone(), v, text));
        }
    }
}
