//! govreport: Chinese government information-disclosure annual reports to checked data.

pub mod input;
pub mod layout;
pub mod pdf;
pub mod record;
pub mod textfile;
