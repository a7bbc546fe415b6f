//! The national template as data: one spec per table — its rows and columns, format
//! variants, anchor words, consistency equations, the figures the narrative restates —
//! and [`CellRef`], the one name of a table cell (its record path and CSV key); [`CellPath`],
//! the owned record path of a table, row or cell.

pub mod active;
pub mod applications;
pub mod path;
pub mod review;

pub use path::{CellPath, Column};

use crate::codes::{Rule, named_enum};

named_enum! {
    /// The national format 表二 follows (`report.template`).
    #[derive(Default)]
    pub enum Template {
        /// The 2021 format (制发/废止/现行有效件数).
        Format2021 = "2021",
        /// The 2019 trial format (新制作/对外公开总数量).
        Format2019 = "2019",
        /// 表二 not found, or its header words name neither format.
        #[default]
        Unknown = "unknown",
        /// A report on 2008–2018, before the national tables.
        Pre2019 = "pre2019",
    }
}

named_enum! {
    /// The three tables of the report, by their key under `tables` (and in the CSV).
    pub enum TableId {
        /// 表二 主动公开政府信息情况.
        ActiveDisclosure = "active_disclosure",
        /// 表三 收到和处理政府信息公开申请情况.
        Applications = "applications",
        /// 表四 政府信息公开行政复议、行政诉讼情况.
        ReviewLitigation = "review_litigation",
    }
}

/// Words that locate a table in the text.
pub struct Anchors {
    /// Where the table's region starts when its section heading is missing.
    pub region: &'static [&'static str],
    /// Where the table itself starts inside its region (the narrative ends there).
    pub body: &'static [&'static str],
    /// Header words only this table prints (a web page holding them holds a report).
    pub page: &'static [&'static str],
}

impl TableId {
    /// The number of the section that holds the table (二、三、四).
    pub fn section(self) -> u8 {
        match self {
            TableId::ActiveDisclosure => 2,
            TableId::Applications => 3,
            TableId::ReviewLitigation => 4,
        }
    }

    /// The table's anchor words.
    pub fn anchors(self) -> &'static Anchors {
        match self {
            TableId::ActiveDisclosure => &active::ANCHORS,
            TableId::Applications => &applications::ANCHORS,
            TableId::ReviewLitigation => &review::ANCHORS,
        }
    }

    /// The table's path in the record: `tables.applications`.
    pub fn path(self) -> CellPath {
        CellPath::Table(self)
    }

    /// The rule of the table's completeness checks.
    pub fn complete_rule(self) -> Rule {
        match self {
            TableId::ActiveDisclosure => Rule::ActiveDisclosureComplete,
            TableId::Applications => Rule::ApplicationsComplete,
            TableId::ReviewLitigation => Rule::ReviewLitigationComplete,
        }
    }

    /// The table's name as printed (`表三`), for messages.
    pub fn printed(self) -> &'static str {
        match self {
            TableId::ActiveDisclosure => "表二",
            TableId::Applications => "表三",
            TableId::ReviewLitigation => "表四",
        }
    }
}

/// One row of a table: its record key, phrases that identify its printed label, and the
/// record keys of its value columns, in printed order.
pub struct RowSpec {
    /// Key of the row in the record.
    pub key: &'static str,
    /// Distinctive phrases of the printed label (any may match, misprints included).
    pub labels: &'static [&'static str],
    /// Column keys, in printed order.
    pub columns: &'static [&'static str],
}

/// A table in one of its layouts: which table, and its rows in printed order. Cells are
/// numbered flat, row after row, for the consistency equations.
pub struct TableSpec {
    /// Which table.
    pub id: TableId,
    /// The rows, in printed order.
    pub rows: Vec<&'static RowSpec>,
}

impl TableSpec {
    /// Every cell, row after row, in flat order.
    pub fn cells(&self) -> impl Iterator<Item = CellRef<'static>> + '_ {
        self.rows.iter().flat_map(move |row| {
            row.columns
                .iter()
                .enumerate()
                .map(move |(index, column)| CellRef {
                    table: self.id,
                    row: row.key,
                    column,
                    index,
                })
        })
    }

    /// The path of the row at position `row`: `tables.applications.rows.granted` in 表三
    /// (whose rows are arrays), `tables.active_disclosure.regulations` elsewhere.
    pub fn row_path(&self, row: usize) -> CellPath {
        CellPath::row(self.id, self.rows[row].key)
    }

    /// The cell in column `index` of the row at position `row`.
    pub fn cell_at(&self, row: usize, index: usize) -> CellRef<'static> {
        let spec = self.rows[row];
        CellRef {
            table: self.id,
            row: spec.key,
            column: spec.columns[index],
            index,
        }
    }

    /// The cell at a flat index.
    pub fn cell(&self, flat: usize) -> CellRef<'static> {
        self.cells()
            .nth(flat)
            .expect("a flat index inside the table")
    }

    /// The flat index of a row's column, when the layout has the row.
    pub fn flat(&self, row: &str, column: usize) -> Option<usize> {
        let r = self.rows.iter().position(|s| s.key == row)?;
        let before: usize = self.rows[..r].iter().map(|s| s.columns.len()).sum();
        (column < self.rows[r].columns.len()).then_some(before + column)
    }

    /// How many cells the table has.
    pub fn cell_count(&self) -> usize {
        self.rows.iter().map(|r| r.columns.len()).sum()
    }

    /// The number of columns of each row, in tables whose rows are all alike (表三, 表四).
    pub fn width(&self) -> usize {
        self.rows.first().map_or(0, |r| r.columns.len())
    }

    /// Label phrases of every row, in order (for aligning observed rows).
    pub fn labels(&self) -> Vec<&'static [&'static str]> {
        self.rows.iter().map(|r| r.labels).collect()
    }
}

/// One table cell: renders its record path and its key inside the table (the `printed`
/// map's key); the CSV names it by table, row and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CellRef<'a> {
    /// The table.
    pub table: TableId,
    /// The row's key.
    pub row: &'a str,
    /// The column's key.
    pub column: &'a str,
    /// The column's position in the row.
    pub index: usize,
}

impl CellRef<'_> {
    /// The cell's key inside its table: `rows.granted[6]` in 表三 (whose rows are arrays),
    /// `regulations.issued` elsewhere.
    pub fn key(&self) -> String {
        match self.table {
            TableId::Applications => format!("rows.{}[{}]", self.row, self.index),
            _ => format!("{}.{}", self.row, self.column),
        }
    }

    /// The cell's path in the record: `tables.applications.rows.granted[6]` (by index in
    /// 表三, whose rows are arrays), `tables.active_disclosure.regulations.issued` elsewhere.
    pub fn path(&self) -> CellPath {
        let column = match self.table {
            TableId::Applications => Column::Index(self.index),
            _ => Column::Name(self.column.to_string()),
        };
        CellPath::cell(self.table, self.row, column)
    }
}

/// The national tables in every format and layout: 表二 of 2021 and 2019, 表三 with the
/// six organisation columns in one row and in three, 表四.
pub fn every_spec() -> Vec<TableSpec> {
    [Template::Format2021, Template::Format2019]
        .into_iter()
        .filter_map(active::spec)
        .chain([
            applications::spec(applications::SixLayout::OneRow),
            applications::spec(applications::SixLayout::ThreeRows),
            review::spec(),
        ])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_render_the_record_paths() {
        let spec = applications::spec(applications::SixLayout::OneRow);
        let cell = spec.cell(spec.flat("carried_over", 6).unwrap());
        assert_eq!(
            cell.path().to_string(),
            "tables.applications.rows.carried_over[6]"
        );
        assert_eq!(cell.column, "total");
        let review = review::spec();
        assert_eq!(
            review.cell(7).path().to_string(),
            "tables.review_litigation.litigation_direct.other"
        );
        assert_eq!(review.width(), 5);
    }
}
