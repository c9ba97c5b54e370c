//! `zexa lists ...`

use crate::common::*;

#[test]
fn create_add_members_remove_and_list() {
    let sb = sandbox();
    let list = zexa(
        &sb,
        &[
            "lists",
            "create",
            "VIP",
            "--description",
            "Best clients",
            "--json",
        ],
    )
    .json();
    let id = list["id"].as_str().unwrap();
    assert_eq!(list["description"], "Best clients");

    let a = zexa(
        &sb,
        &[
            "--json",
            "contacts",
            "create",
            "--name",
            "A",
            "--phone",
            "+244912500001",
        ],
    )
    .json();
    let b = zexa(
        &sb,
        &[
            "--json",
            "contacts",
            "create",
            "--name",
            "B",
            "--phone",
            "+244912500002",
        ],
    )
    .json();
    let (a, b) = (a["id"].as_str().unwrap(), b["id"].as_str().unwrap());

    let added = zexa(&sb, &["lists", "add", id, a, b]);
    assert!(added.ok().contains("added 2 contact(s)"), "{added:#?}");
    let members = zexa(&sb, &["--json", "lists", "members", id]).json_lines();
    assert_eq!(members.len(), 2);

    zexa(&sb, &["lists", "remove", id, a]).ok();
    let members = zexa(&sb, &["lists", "members", id]);
    let text = members.ok();
    assert!(text.contains(b) && !text.contains(a), "{text}");

    let lists = zexa(&sb, &["lists", "list"]);
    let text = lists.ok();
    assert!(text.starts_with("ID "), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains(id) && l.contains("VIP") && l.contains("Best clients")),
        "{text}"
    );
    let csv = zexa(&sb, &["lists", "list", "--output", "csv"]);
    assert!(csv.ok().starts_with("id,name,contacts,description\n"), "{csv:#?}");

    // An unknown list is a 404 (exit 5) with the API's code on stderr.
    let missing = zexa(&sb, &["lists", "members", "lst_nope"]);
    assert_eq!(missing.code, 5);
    assert!(missing.stderr.contains("not_found"), "{}", missing.stderr);
}
