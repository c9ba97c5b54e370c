//! `zexa contacts ...`

use crate::common::*;

#[test]
fn create_get_update_delete_a_contact() {
    let sb = sandbox();
    let created = zexa(
        &sb,
        &[
            "contacts",
            "create",
            "--name",
            "Maria Santos",
            "--phone",
            "+244912345678",
            "--email",
            "m@x.ao",
            "--json",
        ],
    )
    .json();
    let id = created["id"].as_str().unwrap();
    assert_eq!(created["email"], "m@x.ao");

    // The readable view: one field per line, the values as given.
    let shown = zexa(&sb, &["contacts", "get", id]);
    let text = shown.ok();
    assert!(
        text.lines()
            .any(|l| l.starts_with("name") && l.ends_with("Maria Santos")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("phone") && l.ends_with("+244912345678")),
        "{text}"
    );

    let updated = zexa(&sb, &["--json", "contacts", "update", id, "--name", "Maria S."]).json();
    assert_eq!(updated["name"], "Maria S.");
    assert_eq!(updated["email"], "m@x.ao", "an option not given is not sent");

    let deleted = zexa(&sb, &["contacts", "delete", id, "--json"]).json();
    assert_eq!(deleted["deleted"][0], id);
    assert_eq!(zexa(&sb, &["contacts", "get", id]).code, 5);
}

#[test]
fn update_can_clear_the_email() {
    let sb = sandbox();
    let created = zexa(
        &sb,
        &[
            "--json",
            "contacts",
            "create",
            "--name",
            "Rui",
            "--phone",
            "+244912000001",
            "--email",
            "r@x.ao",
        ],
    )
    .json();
    let id = created["id"].as_str().unwrap();
    let cleared = zexa(&sb, &["--json", "contacts", "update", id, "--clear-email"]).json();
    assert!(cleared.get("email").is_none_or(|e| e.is_null()), "{cleared}");
    let again = zexa(&sb, &["--json", "contacts", "get", id]).json();
    assert!(again.get("email").is_none_or(|e| e.is_null()), "{again}");
    // Setting and clearing at once is a usage error, refused by the parser.
    assert_eq!(
        zexa(
            &sb,
            &["contacts", "update", id, "--email", "a@b.ao", "--clear-email"]
        )
        .code,
        2
    );
}

#[test]
fn delete_takes_several_ids() {
    let sb = sandbox();
    let ids: Vec<String> = (0..3)
        .map(|i| {
            let phone = format!("+24491200010{i}");
            zexa(
                &sb,
                &["--json", "contacts", "create", "--name", "X", "--phone", &phone],
            )
            .json()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let mut args = vec!["contacts", "delete"];
    args.extend(ids.iter().map(String::as_str));
    zexa(&sb, &args).ok();
    let left = zexa(&sb, &["--json", "contacts", "list"]).json_lines();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn list_pages_filters_all_and_csv() {
    let sb = sandbox();
    let list = list_with_contacts(&sb, 5);
    zexa(
        &sb,
        &[
            "contacts",
            "create",
            "--name",
            "Outsider",
            "--phone",
            "+244923000000",
        ],
    )
    .ok();

    // One page of 2 as JSON lines, and a note on stderr about the other pages.
    let page = zexa(&sb, &["--json", "contacts", "list", "--per-page", "2"]);
    assert_eq!(page.json_lines().len(), 2);
    // --all walks every page.
    let all = zexa(&sb, &["contacts", "list", "--per-page", "2", "--all", "--json"]).json_lines();
    assert_eq!(all.len(), 6);
    // A filter is passed to the API.
    let members = zexa(&sb, &["contacts", "list", "--list-id", &list, "--all", "--json"]).json_lines();
    assert_eq!(members.len(), 5);
    assert!(members
        .iter()
        .all(|c| c["name"].as_str().unwrap().starts_with("Contact")));

    // The table: a header row and one aligned row per contact.
    let table = zexa(&sb, &["contacts", "list", "--all"]);
    let lines: Vec<&str> = table.ok().lines().collect();
    assert!(
        lines[0].starts_with("ID ") && lines[0].contains("NAME") && lines[0].contains("PHONE"),
        "{lines:?}"
    );
    assert_eq!(lines.len(), 7);
    let phone_col = lines[0].find("PHONE").unwrap();
    assert!(
        lines[1..].iter().all(|l| l[phone_col..].starts_with('+')),
        "aligned: {lines:?}"
    );
    assert!(table.stderr.contains("6 item(s)"), "{}", table.stderr);

    // CSV: a header and rows a CSV reader takes.
    let csv = zexa(&sb, &["contacts", "list", "--output", "csv", "--per-page", "100"]);
    let mut reader = csv::Reader::from_reader(csv.ok().as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["id", "name", "phone", "email", "lists"]
    );
    assert_eq!(reader.records().count(), 6);
}

#[test]
fn import_a_csv_with_a_mapping_shows_the_preview_and_row_errors() {
    let sb = sandbox();
    let list = zexa(&sb, &["--json", "lists", "create", "import"]).json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let dir = std::env::temp_dir().join(format!("zexa-cli-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("contacts.csv");
    std::fs::write(
        &file,
        "Nome,Telefone,Cidade\nAna,+244912111111,Luanda\nBad,0912,Huambo\nRui,+244912222222,Benguela\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();

    let run = zexa(
        &sb,
        &[
            "contacts",
            "import",
            path,
            "--map",
            "Nome=name",
            "--map",
            "Telefone=phone",
            "--map",
            "Cidade=custom:city",
            "--list",
            &list,
        ],
    );
    let text = run.ok();
    assert!(
        text.contains("NOME") && text.contains("Luanda"),
        "the preview rows: {text}"
    );
    assert!(
        text.contains("Telefone -> phone") && text.contains("Cidade -> custom:city"),
        "the mapping: {text}"
    );
    assert!(text.contains("imported 2, skipped 1"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with('2') && l.contains("validation")),
        "the row error: {text}"
    );

    let members = zexa(&sb, &["--json", "lists", "members", &list]).json_lines();
    assert_eq!(members.len(), 2);
    assert_eq!(members[0]["custom_fields"]["city"], "Luanda");

    // --json: one document with the preview, the mapping and the result.
    let again = zexa(
        &sb,
        &[
            "--json",
            "contacts",
            "import",
            path,
            "--map",
            "Nome=name",
            "--map",
            "Telefone=phone",
        ],
    )
    .json();
    assert_eq!(again["preview"]["columns"][1], "Telefone");
    assert_eq!(again["mapping"]["Telefone"], "phone");
    let errors = again["result"]["errors"].as_array().unwrap();
    assert!(
        errors.iter().any(|e| e["row"] == 2),
        "the bad phone's row: {again}"
    );

    // --preview uploads and shows, imports nothing.
    let before = zexa(&sb, &["--json", "contacts", "list", "--all"])
        .json_lines()
        .len();
    let preview = zexa(&sb, &["contacts", "import", path, "--preview"]);
    assert!(preview.ok().contains("nothing imported"));
    assert_eq!(
        zexa(&sb, &["--json", "contacts", "list", "--all"])
            .json_lines()
            .len(),
        before
    );

    // No mapping at all: the core refuses it locally (exit 3).
    let unmapped = zexa(&sb, &["contacts", "import", path]);
    assert_eq!(unmapped.code, 3, "{unmapped:#?}");
    assert!(unmapped.stderr.contains("mapping"), "{}", unmapped.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_a_vcard_by_its_extension() {
    let sb = sandbox();
    let dir = std::env::temp_dir().join(format!("zexa-cli-vcf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("people.vcf");
    std::fs::write(
        &file,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lima\r\nTEL:+244912333333\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:João Luz\r\nTEL:+244912444444\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let run = zexa(&sb, &["--json", "contacts", "import", path]).json();
    assert_eq!(run["result"]["imported"], 2, "{run}");
    let names: Vec<String> = zexa(&sb, &["--json", "contacts", "list"])
        .json_lines()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect();
    assert!(names.contains(&"João Luz".to_owned()), "{names:?}");
    // A mapping means nothing for a vCard: a usage error, nothing uploaded.
    assert_eq!(
        zexa(&sb, &["contacts", "import", path, "--map", "A=name"]).code,
        2
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_waits_and_downloads_the_file() {
    let sb = sandbox();
    let list = list_with_contacts(&sb, 3);
    zexa(
        &sb,
        &[
            "contacts",
            "create",
            "--name",
            "Other",
            "--phone",
            "+244923000001",
        ],
    )
    .ok();
    let dir = std::env::temp_dir().join(format!("zexa-cli-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("list.csv");
    let path = file.to_str().unwrap();

    let run = zexa(&sb, &["contacts", "export", "--list-id", &list, "--output", path]);
    assert!(run.ok().contains("exported exp_"), "{run:#?}");
    let mut reader = csv::Reader::from_path(&file).unwrap();
    assert_eq!(reader.records().count(), 3, "only the list's contacts");

    let all = dir.join("all.csv");
    let json = zexa(
        &sb,
        &["--json", "contacts", "export", "--output", all.to_str().unwrap()],
    )
    .json();
    let bytes = std::fs::metadata(&all).unwrap().len();
    assert_eq!(json["bytes"].as_u64(), Some(bytes));
    assert_eq!(csv::Reader::from_path(&all).unwrap().records().count(), 4);
    let _ = std::fs::remove_dir_all(&dir);
}
