//! govreport: Chinese government information-disclosure annual reports to checked data.

pub mod batch;
pub mod checks;
pub mod cli;
pub mod docx;
pub mod html;
pub mod input;
pub mod layout;
pub mod output;
pub mod parse;
pub mod pdf;
pub mod pipeline;
pub mod record;
pub mod restated;
pub mod template;
pub mod textfile;
