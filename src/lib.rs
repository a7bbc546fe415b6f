//! govreport: Chinese government information-disclosure annual reports to checked data.

pub mod batch;
pub mod checks;
pub mod cli;
pub mod compare;
pub mod complete;
pub mod filehash;
pub mod html;
pub mod input;
pub mod layout;
pub mod ocr;
pub mod ocrlayer;
pub mod orient;
pub mod output;
pub mod page;
pub mod parse;
pub mod pdf;
pub mod pipeline;
pub mod pre2019;
pub mod record;
pub mod restated;
pub mod scale;
pub mod statistics;
pub mod template;
pub mod textfile;
pub mod worker;
