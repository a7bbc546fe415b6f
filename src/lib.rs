//! govreport: Chinese government information-disclosure annual reports to checked data.

pub mod input;
pub mod layout;
pub mod pdf;
pub mod record;
pub mod textfile;
pub mod checks;
pub mod parse;
pub mod template;
pub mod pipeline;
pub mod batch;
pub mod output;
pub mod cli;
