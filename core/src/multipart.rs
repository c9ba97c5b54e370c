//! `multipart/form-data` with one file part named `file`, the upload format the API takes.

use crate::transport::Payload;

/// The content type of an upload, from its file name's extension.
pub(crate) fn content_type_for(filename: &str) -> &'static str {
    let ext = filename
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" => "text/csv",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xls" => "application/vnd.ms-excel",
        "vcf" | "vcard" => "text/vcard",
        _ => "application/octet-stream",
    }
}

/// A form with the single part `file`, holding `bytes` as `filename`.
pub(crate) fn file_form(filename: &str, bytes: &[u8]) -> Payload {
    let boundary = loop {
        let candidate = format!("zexa-{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..));
        // The boundary must not occur in the content; with 128 random bits it practically
        // never does, but checking is cheap.
        if !contains(bytes, candidate.as_bytes()) {
            break candidate;
        }
    };
    // A quote, backslash or line break in a file name would break the header line.
    let safe_name: String = filename
        .chars()
        .map(|c| {
            if c == '"' || c == '\\' || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let mut body = Vec::with_capacity(bytes.len() + 256);
    body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
    body.extend_from_slice(
        format!("Content-Disposition: form-data; name=\"file\"; filename=\"{safe_name}\"\r\n").as_bytes(),
    );
    body.extend_from_slice(format!("Content-Type: {}\r\n\r\n", content_type_for(filename)).as_bytes());
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    Payload::Multipart {
        content_type: format!("multipart/form-data; boundary={boundary}"),
        bytes: body,
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_has_one_file_part() {
        let Payload::Multipart { content_type, bytes } = file_form("a\"b.csv", b"name,phone\n") else {
            panic!("not multipart")
        };
        let boundary = content_type
            .strip_prefix("multipart/form-data; boundary=")
            .unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with(&format!("--{boundary}\r\n")));
        assert!(text.contains("name=\"file\"; filename=\"a_b.csv\""));
        assert!(text.contains("Content-Type: text/csv\r\n\r\nname,phone\n\r\n"));
        assert!(text.ends_with(&format!("--{boundary}--\r\n")));
    }
}
