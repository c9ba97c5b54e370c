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

/// Whether `host` names the local machine: `localhost` (or a name under it), a 127.0.0.0/8
/// address or `::1`.
pub fn is_loopback_host(host: &url::Host<&str>) -> bool {
    match host {
        url::Host::Domain(d) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            d == "localhost" || d.ends_with(".localhost")
        }
        url::Host::Ipv4(ip) => ip.is_loopback(),
        url::Host::Ipv6(ip) => ip.is_loopback(),
    }
}

/// `url` parsed as a WHATWG URL with a host, refusing what that standard would silently
/// repair (whitespace and control characters are stripped by it, not errors).
pub fn parse_http_url(url: &str) -> Option<url::Url> {
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let parsed = url::Url::parse(url).ok()?;
    parsed.host_str().filter(|h| !h.is_empty())?;
    Some(parsed)
}

/// Whether webhook events may be POSTed to `url` from the sandbox (loopback only).
pub fn is_loopback_url(url: &str) -> bool {
    parse_http_url(url)
        .and_then(|u| u.host().map(|h| is_loopback_host(&h)))
        .unwrap_or(false)
}

/// Webhook URLs: https anywhere, or plain http to a loopback host.
pub fn is_valid_webhook_url(url: &str) -> bool {
    let Some(parsed) = parse_http_url(url) else {
        return false;
    };
    match parsed.scheme() {
        "https" => true,
        "http" => parsed.host().is_some_and(|h| is_loopback_host(&h)),
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
        assert!(is_valid_webhook_url("http://[::1]:9000/hook"));
    }

    /// Issue 17: these were accepted (stored as given, or as `https://`).
    #[test]
    fn malformed_webhook_urls_are_refused() {
        for url in [
            "https://exa mple.com/hook",
            "https://\u{1}/hook",
            "https://\u{84}",
            "https://",
        ] {
            assert!(!is_valid_webhook_url(url), "{url:?}");
        }
    }
}
