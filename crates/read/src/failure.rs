//! One failure type for every reader: each reader's error becomes the record's `errors`
//! entry (a [`Failure`]: a stable [`ErrorCode`] and a message saying what to do).

use crate::docx::DocxError;
use crate::docx::convert::ConvertError;
use crate::html::HtmlError;
use crate::ocr::OcrError;
use crate::pdf::PdfError;
use crate::textfile::TextError;
use govreport_model::codes::ErrorCode;
use govreport_model::record::Failure;

impl From<PdfError> for Failure {
    fn from(e: PdfError) -> Failure {
        use ErrorCode::*;
        match e {
            PdfError::NotPdf(m) => Failure::new(NotPdf, m),
            PdfError::Encrypted => Failure::new(
                Encrypted,
                "the PDF is encrypted with a password; open it with the password and save an unprotected copy",
            ),
            PdfError::Truncated(m) => Failure::new(
                Truncated,
                format!("the PDF is damaged or truncated ({m}); download it again"),
            ),
            PdfError::TooLarge(m) => Failure::new(
                TooLarge,
                format!("{m}; raise the limits (see --help) only for files you trust"),
            ),
            PdfError::Timeout => {
                Failure::new(Timeout, "reading the PDF took longer than --timeout")
            }
        }
    }
}

impl From<HtmlError> for Failure {
    fn from(e: HtmlError) -> Failure {
        match e {
            HtmlError::NotAReport(m) => Failure::new(ErrorCode::NotAReport, m),
            HtmlError::TooLarge(m) => Failure::new(ErrorCode::TooLarge, m),
        }
    }
}

impl From<TextError> for Failure {
    fn from(e: TextError) -> Failure {
        match e {
            TextError::TooLarge(m) => Failure::new(ErrorCode::TooLarge, m),
        }
    }
}

impl From<OcrError> for Failure {
    fn from(e: OcrError) -> Failure {
        match e {
            OcrError::Unavailable(m) => Failure::new(ErrorCode::NoTextLayer, m),
            OcrError::Timeout => PdfError::Timeout.into(),
            OcrError::TooLarge(m) => PdfError::TooLarge(m).into(),
            OcrError::Failed(m) => Failure::new(ErrorCode::Unreadable, m),
        }
    }
}

impl From<DocxError> for Failure {
    fn from(e: DocxError) -> Failure {
        use ErrorCode::*;
        match e {
            DocxError::Damaged(m) => Failure::new(
                Truncated,
                format!("the Word file is damaged or truncated ({m}); download it again"),
            ),
            DocxError::NotWord(m) => Failure::new(UnsupportedFormat, m),
            DocxError::TooLarge(m) => Failure::new(TooLarge, m),
            DocxError::Timeout => {
                Failure::new(Timeout, "reading the Word file took longer than --timeout")
            }
        }
    }
}

impl From<ConvertError> for Failure {
    fn from(e: ConvertError) -> Failure {
        match e {
            ConvertError::Missing(m) => Failure::new(ErrorCode::UnsupportedFormat, m),
            ConvertError::Failed(m) => Failure::new(ErrorCode::Unreadable, m),
            ConvertError::Timeout => Failure::new(
                ErrorCode::Timeout,
                "converting the file with LibreOffice took longer than --timeout",
            ),
        }
    }
}
