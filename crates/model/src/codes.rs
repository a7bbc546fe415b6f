//! The record's closed vocabularies as enums: error codes, warning codes, check statuses,
//! section topics, division and agency levels and agency kinds, each serialised under its
//! stable snake_case name.

/// Defines a fieldless enum whose variants serialise as the given names, with `ALL` (every
/// variant, in order) and `as_str`.
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant, )*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &[$name] = &[$($name::$variant),*];

            /// The name the record uses.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use named_enum;

named_enum! {
    /// Why a record failed (`errors[].code`).
    pub enum ErrorCode {
        /// The bytes are not a PDF.
        NotPdf = "not_pdf",
        /// The PDF needs a password.
        Encrypted = "encrypted",
        /// The PDF has no text to read (a scan).
        NoTextLayer = "no_text_layer",
        /// The PDF is damaged beyond repair.
        Truncated = "truncated",
        /// Over a size limit.
        TooLarge = "too_large",
        /// Over the time allowed per file.
        Timeout = "timeout",
        /// A web page that holds no report.
        NotAReport = "not_a_report",
        /// The file could not be read from disk (or LibreOffice could not convert it).
        Unreadable = "unreadable",
        /// A file of a kind that is not read: a zip holding no Word document, or a
        /// `.doc`/`.wps`/`.odt`/`.rtf` when LibreOffice is not installed.
        UnsupportedFormat = "unsupported_format",
        /// A bug: the extractor panicked on this file.
        Internal = "internal",
    }
}

named_enum! {
    /// Something a reader of the record should know (`warnings[].code`).
    pub enum WarningCode {
        /// One of the six numbered sections was not found.
        SectionNotFound = "section_not_found",
        /// A whole table was not found.
        TableNotFound = "table_not_found",
        /// A table row was not found.
        RowNotFound = "row_not_found",
        /// A row had fewer values than columns and nothing showed which cells are blank.
        CellPositionUncertain = "cell_position_uncertain",
        /// Lines that read as a pre-2019 statistics table's rows stand where no statistics
        /// table header was understood: they are not in `tables.statistics`.
        StatisticsUnread = "statistics_unread",
        /// 表三 prints a 法人或其他组织 subtotal column, left out of the seven.
        ExtraSubtotalColumn = "extra_subtotal_column",
        /// 表四 printed more than fifteen values; the first fifteen were used.
        ExtraValues = "extra_values",
        /// The text was not UTF-8 (or the page's charset was guessed).
        Encoding = "encoding",
        /// The PDF was damaged and has been repaired while reading.
        RepairedPdf = "repaired_pdf",
        /// OCR was needed for part of a PDF, but tesseract or `chi_sim` is missing.
        OcrUnavailable = "ocr_unavailable",
        /// A table read from an OCR layer (or govreport's re-read of it) is left in doubt.
        OcrLayerDoubtful = "ocr_layer_doubtful",
        /// A doubtful OCR-layer table was re-read by OCR; the message says which was kept.
        OcrLayerReread = "ocr_layer_reread",
        /// OCR read the body's name differently in the title than most other places in the
        /// text name it; their spelling was taken (the message gives both).
        OcrNameVoted = "ocr_name_voted",
        /// PP-OCR and tesseract spell the body's name differently on the lines that name it
        /// (a misreading one engine makes in every place): the message gives both.
        OcrNameUncertain = "ocr_name_uncertain",
        /// The body's place name fits several divisions and the report does not tell them
        /// apart; the message lists the candidates.
        RegionAmbiguous = "region_ambiguous",
    }
}

named_enum! {
    /// A rule the record is checked against (`checks[].rule`); the part before the dot
    /// names the table or facet it is about.
    pub enum Rule {
        /// 表三, per column: 一 + 二 = （七） + 四.
        ApplicationsBalance = "applications.balance",
        /// 表三, per row: 总计 = the sum of the six applicant columns.
        ApplicationsRowTotals = "applications.row_totals",
        /// 表三, per column: （七）总计 = the sum of the outcome rows.
        ApplicationsOutcomeSum = "applications.outcome_sum",
        /// 表四, per group: 总计 = the sum of the four results.
        ReviewLitigationTotals = "review_litigation.totals",
        /// 表二 was found with every row its format requires, every cell read or placed.
        ActiveDisclosureComplete = "active_disclosure.complete",
        /// 表三 likewise.
        ApplicationsComplete = "applications.complete",
        /// 表四 likewise.
        ReviewLitigationComplete = "review_litigation.complete",
        /// A pre-2019 statistics row's numbered parts add up to it.
        StatisticsPartsSum = "statistics.parts_sum",
        /// A pre-2019 statistics row's `其中` parts are not larger than it.
        StatisticsSubset = "statistics.subset",
        /// A figure the narrative restates agrees with its table cell.
        NarrativeAgreesWithTables = "narrative.agrees_with_tables",
        /// A cell OCR read with doubt is confirmed by the rules, or named.
        OcrCellReading = "ocr.cell_reading",
        /// A cell of a table read from a pre-publication OCR layer that the rules leave in doubt.
        OcrLayerUnconfirmed = "ocr_layer.unconfirmed",
        /// A cell a person corrected (`--corrections`): its path, the value replaced, the note.
        ReviewCorrection = "review.correction",
    }
}

impl Rule {
    /// The table or facet the rule is about: the part of its name before the dot.
    pub fn subject(self) -> &'static str {
        self.as_str().split('.').next().unwrap_or_default()
    }

    /// Whether this is a table's completeness rule (`<table>.complete`).
    pub fn is_complete(self) -> bool {
        self.as_str().ends_with(".complete")
    }
}

named_enum! {
    /// A rule the report's writing is audited against (`audit[].rule`): the national
    /// format (国办公开办函〔2021〕30号, and the 2019 trial format) and the report itself.
    pub enum AuditRule {
        /// One of the format's six parts is absent.
        SectionMissing = "audit.section_missing",
        /// Parts out of order, a numeral skipped or repeated, or two numbering systems at
        /// the top level.
        SectionOrder = "audit.section_order",
        /// No statistics period stated, or one that is not the reported year.
        PeriodMissing = "audit.period_missing",
        /// No statement on 信息处理费 (section 六 of the 2021 format).
        FeeStatementMissing = "audit.fee_statement_missing",
        /// A national table absent from a 2019+ report.
        TableMissing = "audit.table_missing",
        /// A word written twice in a row by mistake (`资金资金`).
        DoubledWord = "audit.doubled_word",
        /// A figure the narrative restates disagrees with its table cell.
        Restatement = "audit.restatement",
    }
}

named_enum! {
    /// What a section is about, the same in every era (`sections[].topic`).
    pub enum Topic {
        /// 总体情况, 概述.
        Overview = "overview",
        /// 主动公开.
        Active = "active",
        /// 依申请公开: requests received and handled.
        Applications = "applications",
        /// 收费 and 减免 (pre-2019 reports).
        Fees = "fees",
        /// 行政复议、行政诉讼.
        ReviewLitigation = "review_litigation",
        /// 咨询 (pre-2019 reports).
        Consultation = "consultation",
        /// 存在的主要问题及改进情况.
        Problems = "problems",
        /// 其他需要报告的事项, and any heading of no known topic.
        Other = "other",
        /// An unnumbered 附表/附件 after the body.
        Appendix = "appendix",
    }
}

impl Default for Topic {
    /// A record written before topics existed reads as `other`.
    fn default() -> Self {
        Topic::Other
    }
}

named_enum! {
    /// A GB/T 2260 division's level (`report.region.level`).
    pub enum DivisionLevel {
        /// 省, 自治区, 直辖市, 特别行政区.
        Province = "province",
        /// 地级市, 地区, 自治州, 盟.
        City = "city",
        /// 市辖区, 县, 县级市, 自治县, 旗 and the like.
        County = "county",
    }
}

named_enum! {
    /// The reporting body's own level (`report.agency_level`).
    pub enum AgencyLevel {
        /// A province-level body (a municipality's too).
        Province = "province",
        /// A prefecture-level body.
        City = "city",
        /// A county-level body.
        County = "county",
        /// A 街道办事处 or 乡镇人民政府.
        Township = "township",
    }
}

named_enum! {
    /// What kind of body reports (`report.agency_kind`), read from the end of its name.
    pub enum AgencyKind {
        /// A people's government (人民政府, 行政公署).
        Government = "government",
        /// A government's general office (人民政府办公室, 办公厅).
        Office = "office",
        /// A department or other body under a government (局, 委员会, 中心 …).
        Department = "department",
        /// A street office or township government.
        Township = "township",
        /// Anything else, or no name.
        Other = "other",
    }
}

named_enum! {
    /// The outcome of one consistency rule or equation (`checks[].status`).
    pub enum CheckStatus {
        /// Holds.
        Pass = "pass",
        /// Does not hold; the values are kept as printed.
        Fail = "fail",
        /// A cell missing from the text was filled from the rules.
        Repaired = "repaired",
        /// Untestable (a blank total or unknown cells).
        Skipped = "skipped",
        /// A person set the cell (`--corrections`); the message gives the value it replaced.
        Corrected = "corrected",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_serialise_as_the_record_spells_them() {
        let json = serde_json::to_string(&[WarningCode::ExtraValues]).unwrap();
        assert_eq!(json, r#"["extra_values"]"#);
        let back: CheckStatus = serde_json::from_str(r#""repaired""#).unwrap();
        assert_eq!(back, CheckStatus::Repaired);
        for code in ErrorCode::ALL {
            let json = serde_json::to_value(code).unwrap();
            assert_eq!(json, code.as_str());
        }
    }
}
