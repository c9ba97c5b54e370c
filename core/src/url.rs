//! Building request URLs: IDs percent-encoded as single path segments, query strings encoded.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::error::{quoted, Error, Result};

/// The longest ID accepted in a path. The API's IDs are a few dozen characters; a longer
/// one is a mistake (a whole document passed as an ID) that the server would refuse anyway.
pub const MAX_ID_BYTES: usize = 256;

/// Everything but `A-Z a-z 0-9 - _ ~` is encoded in a path segment. `.` is encoded too, so an
/// ID of `..` cannot climb out of its resource, and `/`, `?`, `#` cannot start another part.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'~');

/// Query keys and values: the unreserved set stays as is.
const QUERY: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// One path segment from an ID given by the caller. `field` names the argument in the error
/// when the ID is empty.
pub(crate) fn segment(field: &str, id: &str) -> Result<String> {
    if id.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if id.len() > MAX_ID_BYTES {
        return Err(Error::invalid(
            field,
            format!(
                "{} is {} bytes long, over the limit of {MAX_ID_BYTES} for an ID",
                quoted(id),
                id.len()
            ),
        ));
    }
    Ok(utf8_percent_encode(id, SEGMENT).to_string())
}

/// `base + path`, with `query` appended in order.
pub(crate) fn build(base: &str, path: &str, query: &[(String, String)]) -> String {
    let mut url = String::with_capacity(base.len() + path.len() + 16 * query.len());
    url.push_str(base);
    url.push_str(path);
    for (i, (key, value)) in query.iter().enumerate() {
        url.push(if i == 0 { '?' } else { '&' });
        url.extend(utf8_percent_encode(key, QUERY));
        url.push('=');
        url.extend(utf8_percent_encode(value, QUERY));
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_cannot_escape_their_segment() {
        assert_eq!(segment("id", "../credits").unwrap(), "%2E%2E%2Fcredits");
        assert_eq!(segment("id", "a?b#c d").unwrap(), "a%3Fb%23c%20d");
        assert_eq!(segment("id", "cnt_AZ-9~").unwrap(), "cnt_AZ-9~");
        assert_eq!(segment("id", "ção\0").unwrap(), "%C3%A7%C3%A3o%00");
        assert!(segment("contact_id", "").is_err());
        assert!(segment("id", &"a".repeat(MAX_ID_BYTES)).is_ok());
        let long = segment("contact_id", &"a".repeat(100_000))
            .unwrap_err()
            .to_string();
        assert!(long.len() < 200, "the message quotes a bounded part: {long}");
    }

    #[test]
    fn query_is_encoded() {
        let q = vec![
            ("name".to_owned(), "Maria & João".to_owned()),
            ("page".to_owned(), "2".to_owned()),
        ];
        assert_eq!(
            build("http://h/v1", "/contacts", &q),
            "http://h/v1/contacts?name=Maria%20%26%20Jo%C3%A3o&page=2"
        );
        assert_eq!(build("http://h/v1", "/credits", &[]), "http://h/v1/credits");
    }
}
