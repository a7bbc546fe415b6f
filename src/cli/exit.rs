//! How a command ends: its exit status as an enum, and the error that stops a command early.

/// Every way a run can end, each with its documented exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: every input gave an `ok` or `partial` record, every record matched its golden,
    /// or help or the version was printed.
    Ok,
    /// 1: the command line was wrong (an unknown option, no such input, clashing outputs).
    Usage,
    /// 1 (as record.md fixes for `check`): a record differs from its golden, or a golden
    /// is missing.
    Differences,
    /// 1: `compare` found a cross-year rule that fails.
    RuleFailed,
    /// 2: at least one input `failed` (its record is still written), or `compare` could
    /// not read one.
    InputFailed,
    /// 3: an output (record, JSON Lines, CSV, golden) could not be written.
    WriteFailed,
}

impl Exit {
    /// The process exit status.
    pub fn code(self) -> i32 {
        match self {
            Exit::Ok => 0,
            Exit::Usage | Exit::Differences | Exit::RuleFailed => 1,
            Exit::InputFailed => 2,
            Exit::WriteFailed => 3,
        }
    }
}

/// Why a command stopped before its end: the message for stderr and the exit status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stopped {
    /// How the process exits.
    pub exit: Exit,
    /// What to tell the user.
    pub message: String,
}

impl Stopped {
    /// An output could not be written.
    pub fn write(message: impl Into<String>) -> Self {
        Stopped {
            exit: Exit::WriteFailed,
            message: message.into(),
        }
    }
}

/// A plain message is a usage error (no such input, clashing outputs, nothing to write).
impl From<String> for Stopped {
    fn from(message: String) -> Self {
        Stopped {
            exit: Exit::Usage,
            message,
        }
    }
}
