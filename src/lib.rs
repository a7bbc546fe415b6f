//! govreport: Chinese government information-disclosure annual reports to checked data.

pub mod batch;
pub mod checks;
pub mod cli;
pub mod codes;
pub mod compare;
pub mod complete;
pub mod document;
pub mod facts;
pub mod failure;
pub mod html;
pub mod input;
pub mod layout;
pub mod limits;
pub mod orient;
pub mod output;
pub mod page;
pub mod parse;
pub mod pdf;
pub mod pipeline;
pub mod pre2019;
pub mod readers;
pub mod record;
pub mod statistics;
pub mod tables;
pub mod template;
pub mod textfile;
