//! [`CellPath`]: the record path of a table, a row or a cell (`tables.applications`,
//! `tables.applications.rows.granted[3]`, `tables.statistics.rows[2].values[0]`), parsed
//! once and written back as the same text.

use std::fmt;

use serde::de::Deserializer;
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use super::TableId;

/// Where a cell sits in its row: a column index (`[3]`, 表三's arrays) or a column name
/// (`.issued`, 表二's and 表四's objects).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Column {
    /// An array row's column.
    Index(usize),
    /// An object row's column.
    Name(String),
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Column::Index(i) => write!(f, "[{i}]"),
            Column::Name(name) => write!(f, ".{name}"),
        }
    }
}

impl Column {
    /// The column of its written form (`[3]` or `.issued`).
    fn parse(text: &str) -> Option<Column> {
        if let Some(name) = text.strip_prefix('.') {
            return segment(name).map(|n| Column::Name(n.to_string()));
        }
        let inner = text.strip_prefix('[')?.strip_suffix(']')?;
        number(inner).map(Column::Index)
    }
}

/// A path into `tables`, as the record's `checks[].path` and the keys of `cells` write it.
/// Text the parser does not understand (a hand-edited or older record) is kept as
/// [`CellPath::Other`]; every other value is written as the text it was parsed from (a row
/// key or column name holding `.`, `[` or `]`, which no table has, would read back as other
/// text).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CellPath {
    /// A national table: `tables.applications`.
    Table(TableId),
    /// A national table's row: `tables.applications.rows.granted` in 表三 (whose rows sit
    /// under `rows`), `tables.active_disclosure.regulations` elsewhere.
    Row {
        /// The table.
        table: TableId,
        /// The row's key.
        row: String,
    },
    /// A national table's cell: `tables.applications.rows.granted[3]`,
    /// `tables.review_litigation.litigation_direct.total`.
    Cell {
        /// The table.
        table: TableId,
        /// The row's key.
        row: String,
        /// The cell's place in its row.
        column: Column,
    },
    /// The pre-2019 statistics table: `tables.statistics`.
    Statistics,
    /// A statistics row: `tables.statistics.rows[3]`.
    StatisticsRow(usize),
    /// A statistics row's values (the row's key in `cells`): `tables.statistics.rows[3].values`.
    StatisticsValues(usize),
    /// A statistics cell: `tables.statistics.rows[3].values[0]` (row, then value index).
    StatisticsCell(usize, usize),
    /// Any other text, kept as written (made only by [`CellPath::parse`]).
    Other(String),
}

/// The key of the statistics table under `tables`.
const STATISTICS: &str = "statistics";

impl CellPath {
    /// The path a text names; text in no known form is kept as [`CellPath::Other`].
    pub fn parse(text: &str) -> CellPath {
        parsed(text).unwrap_or_else(|| CellPath::Other(text.to_string()))
    }

    /// A national table's row.
    pub fn row(table: TableId, row: &str) -> CellPath {
        CellPath::Row {
            table,
            row: row.to_string(),
        }
    }

    /// A national table's cell.
    pub fn cell(table: TableId, row: &str, column: Column) -> CellPath {
        CellPath::Cell {
            table,
            row: row.to_string(),
            column,
        }
    }

    /// The national table the path is in.
    pub fn table(&self) -> Option<TableId> {
        match self {
            CellPath::Table(table) | CellPath::Row { table, .. } | CellPath::Cell { table, .. } => {
                Some(*table)
            }
            _ => None,
        }
    }

    /// The key of the table under `tables` (`applications`, `statistics`); None for other text.
    pub fn table_key(&self) -> Option<&'static str> {
        match self {
            CellPath::Other(_) => None,
            path => Some(path.table().map_or(STATISTICS, TableId::as_str)),
        }
    }

    /// The row key of a national table's row or cell.
    pub fn row_key(&self) -> Option<&str> {
        match self {
            CellPath::Row { row, .. } | CellPath::Cell { row, .. } => Some(row),
            _ => None,
        }
    }

    /// The column of a national table's cell.
    pub fn column(&self) -> Option<&Column> {
        match self {
            CellPath::Cell { column, .. } => Some(column),
            _ => None,
        }
    }

    /// The column index of a cell named by index (表三's `[3]`).
    pub fn index(&self) -> Option<usize> {
        match self.column()? {
            Column::Index(i) => Some(*i),
            Column::Name(_) => None,
        }
    }

    /// Whether the path names a row (of a national table or the statistics table).
    pub fn is_row(&self) -> bool {
        matches!(self, CellPath::Row { .. } | CellPath::StatisticsRow(_))
    }

    /// Whether the path names a single cell.
    pub fn is_cell(&self) -> bool {
        matches!(self, CellPath::Cell { .. } | CellPath::StatisticsCell(..))
    }

    /// The row index of a statistics row, its values or its cell, and the cell's value index.
    pub fn statistics(&self) -> Option<(usize, Option<usize>)> {
        match *self {
            CellPath::StatisticsRow(r) | CellPath::StatisticsValues(r) => Some((r, None)),
            CellPath::StatisticsCell(r, c) => Some((r, Some(c))),
            _ => None,
        }
    }

    /// The row that holds a cell, as `cells` keys it (`tables.applications.rows.granted`,
    /// `tables.statistics.rows[3].values`), and the cell's column there. Other text is cut
    /// at its last `[n]` or `.name`; None when it has neither.
    pub fn split(&self) -> Option<(CellPath, Column)> {
        match self {
            CellPath::Cell { table, row, column } => {
                Some((CellPath::row(*table, row), column.clone()))
            }
            CellPath::StatisticsCell(r, c) => {
                Some((CellPath::StatisticsValues(*r), Column::Index(*c)))
            }
            path => split_text(&path.to_string()),
        }
    }

    /// The cell at `column` of a row as `cells` keys it: the inverse of [`CellPath::split`].
    pub fn join(&self, column: Column) -> CellPath {
        match (self, column) {
            (CellPath::Row { table, row }, column) => CellPath::cell(*table, row, column),
            (CellPath::StatisticsValues(r), Column::Index(c)) => CellPath::StatisticsCell(*r, c),
            (path, column) => CellPath::from(format!("{path}{column}")),
        }
    }

    /// Whether `other` is this path or lies under it (a table holds its rows and cells, a
    /// row its cells).
    pub fn contains(&self, other: &CellPath) -> bool {
        use CellPath::*;
        match (self, other) {
            (Other(_), _) | (_, Other(_)) => within(&other.to_string(), &self.to_string()),
            (Table(t), path) => path.table() == Some(*t),
            (Row { .. }, _) => other.row_path().as_ref() == Some(self) || other == self,
            (Statistics, path) => path.table().is_none(),
            (StatisticsRow(r), path) => path.statistics().is_some_and(|(s, _)| s == *r),
            (StatisticsValues(r), StatisticsValues(s) | StatisticsCell(s, _)) => r == s,
            _ => self == other,
        }
    }

    /// Whether this path lies under `scope` (a row or cell of a table, a cell of a row), and
    /// is not `scope` itself.
    pub fn lies_under(&self, scope: &CellPath) -> bool {
        self != scope && scope.contains(self)
    }

    /// The row of a national table's cell.
    fn row_path(&self) -> Option<CellPath> {
        match self {
            CellPath::Cell { table, row, .. } => Some(CellPath::row(*table, row)),
            _ => None,
        }
    }
}

/// Text cut at its last `[n]` (a digit index) or, else, its last `.name`.
fn split_text(text: &str) -> Option<(CellPath, Column)> {
    if let Some((row, index)) = text.strip_suffix(']').and_then(|t| t.rsplit_once('['))
        && let Some(index) = number(index)
    {
        return Some((CellPath::parse(row), Column::Index(index)));
    }
    let (row, name) = text.rsplit_once('.')?;
    Some((CellPath::parse(row), Column::Name(name.to_string())))
}

/// Whether `path` is `scope` or a path under it (`scope.` or `scope[`), as texts.
fn within(path: &str, scope: &str) -> bool {
    path.strip_prefix(scope)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// The path of a text in one of the known forms.
fn parsed(text: &str) -> Option<CellPath> {
    let rest = text.strip_prefix("tables.")?;
    let (table, rest) = match rest.split_once('.') {
        Some((table, rest)) => (table, Some(rest)),
        None => (rest, None),
    };
    if table == STATISTICS {
        return statistics(rest);
    }
    let table = *TableId::ALL.iter().find(|t| t.as_str() == table)?;
    let Some(rest) = rest else {
        return Some(CellPath::Table(table));
    };
    let rest = match table {
        TableId::Applications => rest.strip_prefix("rows.")?,
        _ => rest,
    };
    let (row, column) = rest.split_at(rest.find(['.', '[']).unwrap_or(rest.len()));
    let row = segment(row)?;
    if column.is_empty() {
        return Some(CellPath::row(table, row));
    }
    Some(CellPath::cell(table, row, Column::parse(column)?))
}

/// A statistics path after `tables.statistics` (`rows[3]`, `rows[3].values`, `rows[3].values[0]`).
fn statistics(rest: Option<&str>) -> Option<CellPath> {
    let Some(rest) = rest else {
        return Some(CellPath::Statistics);
    };
    let (row, rest) = rest.strip_prefix("rows[")?.split_once(']')?;
    let row = number(row)?;
    let Some(values) = rest.strip_prefix(".values") else {
        return rest.is_empty().then_some(CellPath::StatisticsRow(row));
    };
    if values.is_empty() {
        return Some(CellPath::StatisticsValues(row));
    }
    match Column::parse(values)? {
        Column::Index(value) => Some(CellPath::StatisticsCell(row, value)),
        Column::Name(_) => None,
    }
}

/// A key between dots: not empty, with no `.`, `[` or `]`.
fn segment(text: &str) -> Option<&str> {
    let bad = text.is_empty() || text.contains(['.', '[', ']']);
    (!bad).then_some(text)
}

/// An index as written: digits without a leading zero (so that it is written back alike).
fn number(text: &str) -> Option<usize> {
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let canonical = digits && (text == "0" || !text.starts_with('0'));
    canonical.then(|| text.parse().ok()).flatten()
}

impl fmt::Display for CellPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rows = |table: &TableId| match table {
            TableId::Applications => "rows.",
            _ => "",
        };
        match self {
            CellPath::Table(table) => write!(f, "tables.{table}"),
            CellPath::Row { table, row } => write!(f, "tables.{table}.{}{row}", rows(table)),
            CellPath::Cell { table, row, column } => {
                write!(f, "tables.{table}.{}{row}{column}", rows(table))
            }
            CellPath::Statistics => write!(f, "tables.{STATISTICS}"),
            CellPath::StatisticsRow(r) => write!(f, "tables.{STATISTICS}.rows[{r}]"),
            CellPath::StatisticsValues(r) => write!(f, "tables.{STATISTICS}.rows[{r}].values"),
            CellPath::StatisticsCell(r, c) => {
                write!(f, "tables.{STATISTICS}.rows[{r}].values[{c}]")
            }
            CellPath::Other(text) => f.write_str(text),
        }
    }
}

impl From<&str> for CellPath {
    fn from(text: &str) -> CellPath {
        CellPath::parse(text)
    }
}

impl From<String> for CellPath {
    fn from(text: String) -> CellPath {
        match parsed(&text) {
            Some(path) => path,
            None => CellPath::Other(text),
        }
    }
}

impl PartialEq<str> for CellPath {
    fn eq(&self, text: &str) -> bool {
        match self {
            CellPath::Other(own) => own == text,
            path => parsed(text).as_ref() == Some(path),
        }
    }
}

impl PartialEq<&str> for CellPath {
    fn eq(&self, text: &&str) -> bool {
        self == *text
    }
}

impl Serialize for CellPath {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CellPath {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(CellPath::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `text` and checks it is written back alike, in and out of JSON.
    fn round_trip(text: &str) -> CellPath {
        let path = CellPath::parse(text);
        assert_eq!(path.to_string(), text);
        let json = serde_json::to_string(&path).unwrap();
        assert_eq!(json, serde_json::to_string(text).unwrap());
        assert_eq!(serde_json::from_str::<CellPath>(&json).unwrap(), path);
        path
    }

    #[test]
    fn every_path_the_templates_name_round_trips_in_its_form() {
        for spec in crate::template::every_spec() {
            let table = round_trip(&format!("tables.{}", spec.id));
            assert_eq!(table, CellPath::Table(spec.id));
            for (r, row) in spec.rows.iter().enumerate() {
                let path = spec.row_path(r);
                assert_eq!(round_trip(&path.to_string()), path);
                assert!(path.is_row() && table.contains(&path));
                assert_eq!(path.row_key(), Some(row.key));
            }
            for cell in spec.cells() {
                let path = round_trip(&cell.path().to_string());
                assert_eq!(path, cell.path());
                assert!(path.is_cell() && table.contains(&path), "{path}");
                assert_eq!(path.row_key(), Some(cell.row));
                let (row, column) = path.split().unwrap();
                assert!(row.contains(&path) && !path.contains(&row));
                assert_eq!(row.join(column), path);
            }
        }
    }

    #[test]
    fn each_form_parses_into_its_parts() {
        let granted = round_trip("tables.applications.rows.granted[3]");
        assert_eq!(granted.table(), Some(TableId::Applications));
        assert_eq!(granted.table_key(), Some("applications"));
        assert_eq!(
            (granted.row_key(), granted.index()),
            (Some("granted"), Some(3))
        );
        let issued = round_trip("tables.active_disclosure.regulations.issued");
        assert_eq!(issued.column(), Some(&Column::Name("issued".into())));
        assert_eq!(issued.index(), None);
        let row = round_trip("tables.review_litigation.litigation_direct");
        assert!(row.is_row() && !row.is_cell());
        let cell = round_trip("tables.statistics.rows[2].values[0]");
        assert_eq!(cell, CellPath::StatisticsCell(2, 0));
        assert_eq!((cell.table(), cell.table_key()), (None, Some("statistics")));
        assert_eq!(cell.statistics(), Some((2, Some(0))));
        let values = round_trip("tables.statistics.rows[2].values");
        assert_eq!(cell.split(), Some((values.clone(), Column::Index(0))));
        let stat_row = round_trip("tables.statistics.rows[2]");
        assert!(stat_row.is_row() && stat_row.contains(&cell) && stat_row.contains(&values));
        assert_eq!(stat_row.statistics(), Some((2, None)));
        let all = round_trip("tables.statistics");
        assert!(all.contains(&cell) && !CellPath::Table(TableId::Applications).contains(&cell));
        // Forms no template has still keep their shape: an index among names, a name in 表三.
        let odd = round_trip("tables.active_disclosure.regulations[2]");
        assert_eq!(odd.index(), Some(2));
        let named = round_trip("tables.applications.rows.granted.total");
        assert_eq!(named.column(), Some(&Column::Name("total".into())));
    }

    #[test]
    fn text_in_no_known_form_is_kept_as_written() {
        for text in [
            "",
            "c[2]",
            "tables",
            "tables.",
            "tables.unknown.row",
            "tables.applications.granted[3]",
            "tables.applications.rows",
            "tables.applications.rows.granted[03]",
            "tables.applications.rows.granted[-1]",
            "tables.applications.rows.granted[3",
            "tables.applications.rows.granted[3][4]",
            "tables.applications.rows.granted..x",
            "tables.active_disclosure.regulations.issued.more",
            "tables.active_disclosure..issued",
            "tables.statistics.rows",
            "tables.statistics.rows[1].values.x",
            "tables.statistics.rows[1].label",
            "tables.statistics.rows[x].values[0]",
            "tables.statistics.rows[99999999999999999999999]",
            "report.period",
            "tables.applications.rows.准予[1]x",
        ] {
            let path = round_trip(text);
            assert_eq!(path, CellPath::Other(text.to_string()), "{text}");
            assert_eq!(path.table_key(), None);
            assert!(!path.is_row() && !path.is_cell());
            if let Some((row, column)) = path.split() {
                assert_eq!(row.join(column).to_string(), text);
            }
        }
    }

    #[test]
    fn containment_of_other_text_is_by_its_prefix() {
        let other = CellPath::parse("tables.applications.rows.granted[3]x");
        let table = CellPath::Table(TableId::Applications);
        assert!(table.contains(&other) && other.contains(&other));
        assert!(!other.contains(&table));
        assert!(other.lies_under(&table) && !table.lies_under(&table));
        let row = CellPath::parse("tables.applications.rows.granted");
        assert!(!row.contains(&CellPath::parse("tables.applications.rows.granted_x[1]")));
        assert!(!CellPath::StatisticsRow(1).contains(&CellPath::StatisticsCell(10, 0)));
    }

    #[test]
    fn every_golden_path_round_trips_in_a_known_form() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../golden");
        let mut found = 0;
        let mut folders = vec![std::path::PathBuf::from(dir)];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "json") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
                    found += golden_paths(&json);
                }
            }
        }
        assert!(found > 100, "only {found} paths in the goldens");
    }

    /// Checks every `path` naming `tables.…` in a golden; returns how many.
    fn golden_paths(json: &serde_json::Value) -> usize {
        match json {
            serde_json::Value::Object(map) => map
                .iter()
                .map(|(key, value)| match value.as_str() {
                    Some(text) if key == "path" && text.starts_with("tables.") => {
                        assert!(!matches!(round_trip(text), CellPath::Other(_)), "{text}");
                        1
                    }
                    _ => golden_paths(value),
                })
                .sum(),
            serde_json::Value::Array(items) => items.iter().map(golden_paths).sum(),
            _ => 0,
        }
    }
}
