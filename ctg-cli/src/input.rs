//! Reading input files within the documented limits (`docs/limits.md`), before any work.
//!
//! A file larger than [`MAX_FILE_BYTES`] is refused from its size alone, before a byte is
//! read; a stream whose size is not known in advance (a pipe, standard input) is read up to
//! the limit and refused beyond it. Streams read line by line (`ctg rights batch`) go through
//! [`LineLimited`], which refuses a line longer than [`MAX_LINE_BYTES`] instead of growing a
//! buffer without end.

use std::io::{self, Read};
use std::path::Path;

/// The largest file ctg reads whole: the same 64 MiB as
/// [`Limits::DEFAULT`](ctg_core::limits::Limits::DEFAULT)`.max_input_bytes`.
pub const MAX_FILE_BYTES: u64 = ctg_core::limits::Limits::DEFAULT.max_input_bytes as u64;

/// The longest line of a file of households (`ctg rights batch`): 1 MiB, some thousand times
/// a household of 20 members.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// A size in French: `67 108 864 octets (64 Mio)`.
fn size_text(bytes: u64) -> String {
    let mut digits = bytes.to_string();
    let mut grouped = String::new();
    while digits.len() > 3 {
        let tail = digits.split_off(digits.len() - 3);
        grouped = format!("\u{202f}{tail}{grouped}");
    }
    let mebibytes = bytes as f64 / (1024.0 * 1024.0);
    format!("{digits}{grouped} octets ({mebibytes:.0} Mio)")
}

fn too_large(path: &Path, size: Option<u64>) -> String {
    let what = match size {
        Some(size) => format!("fait {}", size_text(size)),
        None => "dépasse cette taille".to_owned(),
    };
    format!(
        "{} {what} : c'est plus que la limite de {} que ctg lit ; découpez le fichier (voir docs/limits.md)",
        path.display(),
        size_text(MAX_FILE_BYTES)
    )
}

fn reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "fichier introuvable".to_owned(),
        io::ErrorKind::PermissionDenied => "lecture non autorisée".to_owned(),
        io::ErrorKind::IsADirectory => "c'est un dossier, pas un fichier".to_owned(),
        _ => error.to_string(),
    }
}

/// Reads the whole file at `path`, refusing it when larger than [`MAX_FILE_BYTES`]; the
/// error is a French message naming the file.
///
/// ```
/// let path = std::env::temp_dir().join("ctg-input-doc.json");
/// std::fs::write(&path, b"{}").unwrap();
/// assert_eq!(ctg_cli::input::read_file(&path).unwrap(), b"{}");
/// let missing = ctg_cli::input::read_file(std::path::Path::new("absent.json")).unwrap_err();
/// assert!(missing.contains("fichier introuvable"));
/// ```
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    read_file_within(path, MAX_FILE_BYTES)
}

/// [`read_file`] with another limit (for tests and stricter integrations).
pub fn read_file_within(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let cannot =
        |error: io::Error| format!("impossible de lire {} : {}", path.display(), reason(&error));
    let file = std::fs::File::open(path).map_err(cannot)?;
    let metadata = file.metadata().map_err(cannot)?;
    if metadata.is_dir() {
        return Err(cannot(io::Error::from(io::ErrorKind::IsADirectory)));
    }
    if metadata.is_file() && metadata.len() > limit {
        return Err(too_large(path, Some(metadata.len())));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, None));
    }
    Ok(bytes)
}

/// A reader that fails with [`io::ErrorKind::InvalidData`] as soon as a line (bytes between
/// two `\n`) exceeds its limit, so that a reader of lines never buffers more than that.
///
/// ```
/// use std::io::BufRead;
/// let text = "court\nbeaucoup trop long\n";
/// let reader = std::io::BufReader::new(ctg_cli::input::LineLimited::new(text.as_bytes(), 8));
/// let mut lines = reader.lines();
/// assert_eq!(lines.next().unwrap().unwrap(), "court");
/// assert!(lines.next().unwrap().is_err());
/// ```
#[derive(Debug)]
pub struct LineLimited<R> {
    inner: R,
    max: usize,
    current: usize,
    line: u64,
    failed: bool,
}

impl<R: Read> LineLimited<R> {
    /// Wraps `inner`, refusing lines longer than `max` bytes.
    pub fn new(inner: R, max: usize) -> Self {
        LineLimited {
            inner,
            max,
            current: 0,
            line: 1,
            failed: false,
        }
    }

    fn error(&self) -> io::Error {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "la ligne {} dépasse {} : un foyer tient en bien moins ; le fichier est-il coupé en lignes ? (voir docs/limits.md)",
                self.line,
                size_text(self.max as u64)
            ),
        )
    }
}

impl<R: Read> Read for LineLimited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.failed {
            return Err(self.error());
        }
        let n = self.inner.read(buf)?;
        for (i, &byte) in buf[..n].iter().enumerate() {
            if byte == b'\n' {
                self.current = 0;
                self.line += 1;
            } else {
                self.current += 1;
                if self.current > self.max {
                    // The complete lines before this one are still delivered; the error
                    // comes with the next read.
                    self.failed = true;
                    return if i == 0 { Err(self.error()) } else { Ok(i) };
                }
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_french() {
        assert_eq!(
            size_text(67_108_864),
            "67\u{202f}108\u{202f}864 octets (64 Mio)"
        );
        assert_eq!(size_text(999), "999 octets (0 Mio)");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_reading() {
        let dir = std::env::temp_dir().join(format!("ctg-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("gros.json");
        std::fs::write(&path, vec![b' '; 100]).unwrap();
        let message = read_file_within(&path, 99).unwrap_err();
        assert!(message.contains("fait 100 octets"), "{message}");
        assert!(message.contains("docs/limits.md"), "{message}");
        assert_eq!(read_file_within(&path, 100).unwrap().len(), 100);
        let message = read_file(&dir).unwrap_err();
        assert!(message.contains("dossier"), "{message}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_line_at_the_limit_passes_one_over_fails_and_stays_failed() {
        let mut ok = LineLimited::new(&b"abcd\nabcd\n"[..], 4);
        let mut sink = Vec::new();
        ok.read_to_end(&mut sink).unwrap();
        assert_eq!(sink.len(), 10);
        let mut bad = LineLimited::new(&b"abcd\nabcde\n"[..], 4);
        let error = bad.read_to_end(&mut Vec::new()).unwrap_err();
        assert!(error.to_string().contains("ligne 2"), "{error}");
        assert!(bad.read(&mut [0; 8]).is_err());
    }
}
