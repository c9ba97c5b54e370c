//! `zexa request METHOD PATH`: any endpoint, through the core's client (key, retries, errors).

use crate::args::{HttpMethod, RequestArgs};
use crate::failure::Failure;
use crate::Ctx;

fn method(m: HttpMethod) -> zexa::Method {
    match m {
        HttpMethod::Get => zexa::Method::Get,
        HttpMethod::Post => zexa::Method::Post,
        HttpMethod::Put => zexa::Method::Put,
        HttpMethod::Patch => zexa::Method::Patch,
        HttpMethod::Delete => zexa::Method::Delete,
    }
}

/// Runs the request and prints the JSON answer (pretty on a terminal, one line with `--json`).
pub fn run(ctx: &Ctx, args: RequestArgs) -> Result<(), Failure> {
    let query: Vec<(&str, &str)> = args.query.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let answer = ctx
        .client()?
        .request(method(args.method), &args.path, &query, args.data.as_ref())?;
    if ctx.out.json {
        return ctx.out.json_line(&answer);
    }
    let pretty = serde_json::to_string_pretty(&answer).unwrap_or_else(|_| answer.to_string());
    ctx.out.line(pretty)
}
