//! `extract --audit-csv`: one row per audit finding, for evaluators' spreadsheets.

use std::io::Write;

use govreport_model::record::Record;

/// The header: record.md's columns for the audit CSV.
pub const HEADER: [&str; 7] = [
    "source_path",
    "agency",
    "year",
    "rule",
    "path",
    "page",
    "message",
];

/// A CSV writer of audit findings that has written its header.
pub struct AuditWriter<W: Write> {
    inner: ::csv::Writer<W>,
}

impl<W: Write> AuditWriter<W> {
    /// Starts the CSV with its header (written even when no finding follows).
    pub fn new(out: W) -> ::csv::Result<Self> {
        let mut inner = ::csv::Writer::from_writer(out);
        inner.write_record(HEADER)?;
        Ok(AuditWriter { inner })
    }

    /// Writes one row per finding of one record (none for a clean report).
    pub fn write(&mut self, record: &Record) -> ::csv::Result<()> {
        let r = &record.report;
        let year = r.year.map(|y| y.to_string()).unwrap_or_default();
        for f in &record.audit {
            let page = f.page.map(|p| p.to_string()).unwrap_or_default();
            let path = f.path.as_ref().map(ToString::to_string).unwrap_or_default();
            self.inner.write_record([
                record.source.path.as_str(),
                r.agency.as_deref().unwrap_or_default(),
                year.as_str(),
                f.rule.as_str(),
                path.as_str(),
                page.as_str(),
                f.message.as_str(),
            ])?;
        }
        Ok(())
    }

    /// Flushes buffered rows.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_model::codes::AuditRule;
    use govreport_model::record::{Finding, Source};

    #[test]
    fn one_row_per_finding_quoted_where_needed() {
        let mut record = Record::new(Source {
            path: "a/x.txt".into(),
            ..Source::default()
        });
        record.report.agency = Some("新河市人民政府".into());
        record.report.year = Some(2024);
        record.audit = vec![
            Finding::new(AuditRule::PeriodMissing, "no period, none"),
            Finding {
                path: Some("tables.review_litigation".into()),
                ..Finding::new(AuditRule::TableMissing, "表四 absent").on_page(Some(3))
            },
        ];
        let mut w = AuditWriter::new(Vec::new()).unwrap();
        w.write(&record).unwrap();
        let text = String::from_utf8(w.inner.into_inner().unwrap()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "source_path,agency,year,rule,path,page,message");
        assert_eq!(
            lines[1],
            "a/x.txt,新河市人民政府,2024,audit.period_missing,,,\"no period, none\""
        );
        assert_eq!(
            lines[2],
            "a/x.txt,新河市人民政府,2024,audit.table_missing,tables.review_litigation,3,表四 absent"
        );
    }
}
