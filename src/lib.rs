//! govreport: Chinese government information-disclosure annual reports to checked data.

pub mod batch;
pub mod checks;
pub mod cli;
pub mod complete;
pub mod docx;
pub mod html;
pub mod input;
pub mod layout;
pub mod orient;
pub mod output;
pub mod parse;
pub mod pdf;
pub mod pipeline;
pub mod pre2019;
pub mod record;
pub mod restated;
pub mod statistics;
pub mod template;
pub mod textfile;
