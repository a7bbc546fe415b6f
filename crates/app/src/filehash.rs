//! SHA-256 as `source.sha256` holds it: of a file read in pieces, or of bytes in memory.

use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

/// The size and lower-case hex SHA-256 of the file at `path`, or None when unreadable.
pub fn size_and_sha256(path: &Path) -> Option<(u64, String)> {
    let mut file = std::fs::File::open(path).ok()?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut total = 0;
    loop {
        let n = file.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        total += n as u64;
    }
    Some((total, hex(&hasher.finalize())))
}

/// The lower-case hex SHA-256 of bytes in memory (`source.sha256`).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Bytes as lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
