//! Field validation rules shared by contacts, imports, messages, campaigns and webhooks.

/// Channels the API knows.
pub const CHANNELS: [&str; 5] = ["sms", "whatsapp", "telegram", "email", "slack"];

/// E.164: `+`, a first digit 1-9, 7 to 15 digits in all (the shortest real numbers, such as
/// Niue's, have 7).
pub fn is_e164(s: &str) -> bool {
    let Some(digits) = s.strip_prefix('+') else {
        return false;
    };
    (7..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
}

/// A pragmatic email check: one `@`, non-empty local part, a dotted domain, no whitespace.
pub fn is_email(s: &str) -> bool {
    if s.chars().any(|c| c.is_whitespace()) {
        return false;
    }
    let mut parts = s.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !local.is_empty() && domain.contains('.') && domain.split('.').all(|p| !p.is_empty())
}

/// Removes the usual written separators (spaces, dashes, dots, brackets) and turns a `00`
/// international prefix into `+`; used for imported files, whose numbers are hand-written.
pub fn normalize_phone(s: &str) -> String {
    let cleaned: String = s
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '\t'))
        .collect();
    match cleaned.strip_prefix("00") {
        Some(rest) => format!("+{rest}"),
        None => cleaned,
    }
}

/// Whether `to` is a valid destination for `channel`.
pub fn is_valid_to(channel: &str, to: &str) -> bool {
    match channel {
        "email" => is_email(to),
        "slack" => !to.trim().is_empty(),
        _ => is_e164(to),
    }
}

/// Splits `scheme://host[:port]/...` into `(scheme, host)`; `None` when malformed.
pub fn url_scheme_host(url: &str) -> Option<(String, String)> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next()?.to_string()
    } else {
        authority.split(':').next()?.to_string()
    };
    if host.is_empty() {
        return None;
    }
    Some((scheme.to_ascii_lowercase(), host.to_ascii_lowercase()))
}

/// Whether `host` names the local machine.
pub fn is_loopback_host(host: &str) -> bool {
    if host == "localhost" {
        return true;
    }
    host.parse::<std::net::IpAddr>()
        .map(|ip| ip.is_loopback())
        .unwrap_or(false)
}

/// Webhook URLs: https anywhere, or plain http to a loopback host.
pub fn is_valid_webhook_url(url: &str) -> bool {
    match url_scheme_host(url) {
        Some((scheme, _)) if scheme == "https" => true,
        Some((scheme, host)) if scheme == "http" => is_loopback_host(&host),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert!(is_e164("+244912345678"));
        assert!(!is_e164("0912345678"));
        assert!(!is_e164("+0912345678"));
        assert!(is_e164("+6834002"));
        assert!(!is_e164("+123456"));
        assert!(is_email("maria@example.com"));
        assert!(!is_email("maria@example"));
        assert!(!is_email("a@b@c.com"));
        assert_eq!(normalize_phone("00351 912-345.678"), "+351912345678");
        assert!(is_valid_webhook_url("http://127.0.0.1:9000/hook"));
        assert!(is_valid_webhook_url("http://localhost/hook"));
        assert!(is_valid_webhook_url("https://example.com/hook"));
        assert!(!is_valid_webhook_url("http://example.com/hook"));
        assert!(!is_valid_webhook_url("ftp://127.0.0.1/x"));
    }
}
