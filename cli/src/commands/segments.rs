//! `zexa segments TEXT`: the core's segment count of an SMS body, the characters that forced
//! UCS-2, and the core's smart-encoded alternative when it saves segments.

use std::io::Read;

use serde_json::json;

use crate::args::SegmentsArgs;
use crate::failure::Failure;
use crate::Ctx;

/// An alternative text that is billed fewer segments.
struct Alternative {
    smart: zexa::SmsSmartEncoded,
    segments: zexa::SmsSegments,
    /// Whether accents were removed too (the words are then misspelt).
    transliterated: bool,
}

/// The smart encoding that saves segments, trying first the one that keeps the spelling.
fn alternative(text: &str, count: &zexa::SmsSegments) -> Option<Alternative> {
    [false, true].into_iter().find_map(|transliterated| {
        let smart = zexa::sms_smart_encode(text, transliterated);
        let segments = zexa::sms_segments(&smart.text);
        (segments.segments < count.segments).then_some(Alternative {
            smart,
            segments,
            transliterated,
        })
    })
}

/// Runs the command.
pub fn run(ctx: &Ctx, args: SegmentsArgs) -> Result<(), Failure> {
    let text = match args.text {
        Some(text) => text,
        None => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(Failure::io("reading stdin"))?;
            // A shell's here-string or `echo` ends with a newline the user did not mean to send.
            if text.ends_with('\n') {
                text.pop();
                if text.ends_with('\r') {
                    text.pop();
                }
            }
            text
        }
    };
    let count = zexa::sms_segments(&text);
    let better = alternative(&text, &count);
    if ctx.out.json {
        let alternative = better.as_ref().map(|a| {
            json!({
                "text": a.smart.text,
                "replacements": a.smart.replacements,
                "transliterated": a.transliterated,
                "segments": a.segments,
            })
        });
        return ctx
            .out
            .json_line(&json!({ "segments": count, "smart_encoded": alternative }));
    }
    ctx.out.line(format!(
        "{}: {} segment(s), {} {} ({} per segment)",
        count.encoding,
        count.segments,
        count.units,
        count.encoding.unit_name(),
        count.per_segment
    ))?;
    if !count.unicode_characters.is_empty() {
        let chars: Vec<String> = count
            .unicode_characters
            .iter()
            .map(|c| format!("{:?} at {}", c.character, c.char_index))
            .collect();
        ctx.out.line(format!("forced UCS-2: {}", chars.join(", ")))?;
    }
    if let Some(a) = better {
        let note = if a.transliterated {
            " (accents removed: check the spelling)"
        } else {
            ""
        };
        ctx.out.line(format!(
            "smart-encoded{note}: {}: {} segment(s): {}",
            a.segments.encoding, a.segments.segments, a.smart.text
        ))?;
    }
    Ok(())
}
