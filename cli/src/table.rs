//! Aligned columns for a terminal: a header row, then one row per item, two spaces apart.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

/// Writes `rows` under `headers`, each column as wide as its widest cell (in terminal columns,
/// so names with accents or CJK characters stay aligned).
pub fn write(out: &mut impl Write, headers: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    let header: Vec<String> = headers.iter().map(|h| h.to_uppercase()).collect();
    write_row(out, &widths, &header)?;
    for row in rows {
        write_row(out, &widths, row)?;
    }
    Ok(())
}

fn write_row(out: &mut impl Write, widths: &[usize], cells: &[String]) -> io::Result<()> {
    let mut line = String::new();
    for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
        line.push_str(cell);
        if i + 1 < cells.len() {
            line.extend(std::iter::repeat_n(' ', width - cell.width() + 2));
        }
    }
    writeln!(out, "{line}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn columns_align_by_display_width() {
        let mut out = Vec::new();
        let rows = vec![
            vec!["cnt_1".to_owned(), "João".to_owned(), "+244912345678".to_owned()],
            vec!["cnt_22".to_owned(), "Ana".to_owned(), "-".to_owned()],
        ];
        super::write(&mut out, &["id", "name", "phone"], &rows).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "ID      NAME  PHONE\ncnt_1   João  +244912345678\ncnt_22  Ana   -\n"
        );
    }
}
