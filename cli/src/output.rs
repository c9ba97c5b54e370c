//! Everything a command prints on stdout: a readable view for people, JSON for scripts
//! (`--json`: one document per result, JSON lines for lists), CSV for lists (`--output csv`).

use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;

use crate::args::ListFormat;
use crate::failure::Failure;
use crate::rows::Row;
use crate::table;

/// How this run prints.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    /// `--json`.
    pub json: bool,
}

/// The result of a write to stdout.
pub type Written = Result<(), Failure>;

fn stdout_failure(error: io::Error) -> Failure {
    Failure::Io {
        doing: "writing to stdout".to_owned(),
        error,
    }
}

impl Output {
    /// One JSON document on one line.
    pub fn json_line(&self, value: &impl Serialize) -> Written {
        let mut out = io::stdout().lock();
        serde_json::to_writer(&mut out, value).map_err(|e| stdout_failure(e.into()))?;
        writeln!(out).map_err(stdout_failure)
    }

    /// A line of text for people.
    pub fn line(&self, text: impl std::fmt::Display) -> Written {
        writeln!(io::stdout().lock(), "{text}").map_err(stdout_failure)
    }

    /// One item: JSON, or its fields one per line (`name: value`).
    pub fn item(&self, item: &impl Serialize) -> Written {
        if self.json {
            return self.json_line(item);
        }
        let value = serde_json::to_value(item).map_err(|e| stdout_failure(e.into()))?;
        self.fields(&value)
    }

    /// The fields of a JSON object, one per line, names aligned.
    pub fn fields(&self, value: &Value) -> Written {
        let Value::Object(map) = value else {
            return self.line(plain(value));
        };
        let width = map.keys().map(|k| k.len()).max().unwrap_or(0);
        let mut out = io::stdout().lock();
        for (key, value) in map {
            writeln!(out, "{key:width$}  {}", plain(value)).map_err(stdout_failure)?;
        }
        Ok(())
    }

    /// A list: JSON lines, CSV or a table. `items` may fetch pages as it goes (`--all`); JSON
    /// lines and CSV are written as they come, a table once every row is known.
    pub fn list<T: Row>(
        &self,
        format: ListFormat,
        items: impl IntoIterator<Item = zexa::Result<T>>,
    ) -> Result<usize, Failure> {
        let mut count = 0;
        if self.json {
            for item in items {
                self.json_line(&item?)?;
                count += 1;
            }
            return Ok(count);
        }
        match format {
            ListFormat::Csv => {
                let mut csv = csv::Writer::from_writer(io::stdout().lock());
                let csv_failure = |e: csv::Error| stdout_failure(e.into());
                csv.write_record(T::HEADERS).map_err(csv_failure)?;
                for item in items {
                    csv.write_record(item?.cells()).map_err(csv_failure)?;
                    count += 1;
                }
                csv.flush().map_err(stdout_failure)?;
            }
            ListFormat::Table => {
                let mut rows = Vec::new();
                for item in items {
                    rows.push(item?.cells());
                }
                count = rows.len();
                table::write(&mut io::stdout().lock(), T::HEADERS, &rows).map_err(stdout_failure)?;
            }
        }
        Ok(count)
    }

    /// A note for people about what was printed (on stderr, so that stdout stays data); not
    /// shown with `--json`.
    pub fn note(&self, text: impl std::fmt::Display) {
        if !self.json {
            eprintln!("{text}");
        }
    }
}

/// A JSON value as a person reads it: strings unquoted, `-` for null, arrays space-separated.
pub fn plain(value: &Value) -> String {
    match value {
        Value::Null => "-".to_owned(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(|v| !v.is_object() && !v.is_array()) => {
            if items.is_empty() {
                "-".to_owned()
            } else {
                items.iter().map(plain).collect::<Vec<_>>().join(" ")
            }
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn plain_values_read_as_a_person_expects() {
        assert_eq!(super::plain(&json!(null)), "-");
        assert_eq!(super::plain(&json!("Olá")), "Olá");
        assert_eq!(super::plain(&json!(["lst_1", "lst_2"])), "lst_1 lst_2");
        assert_eq!(super::plain(&json!([])), "-");
        assert_eq!(super::plain(&json!(3)), "3");
        assert_eq!(super::plain(&json!({"city": "Luanda"})), r#"{"city":"Luanda"}"#);
    }
}
