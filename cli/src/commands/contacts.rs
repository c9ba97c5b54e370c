//! `zexa contacts create|get|update|delete|list|import|export`.

use std::path::Path;

use serde_json::json;

use crate::args::Contacts;
use crate::commands::print_list;
use crate::failure::Failure;
use crate::table;
use crate::Ctx;

mod export;

/// Runs a `contacts` command.
pub fn run(ctx: &Ctx, command: Contacts) -> Result<(), Failure> {
    let client = ctx.client()?;
    let contacts = client.contacts();
    match command {
        Contacts::Create {
            name,
            phone,
            email,
            lists,
        } => {
            let mut contact = zexa::CreateContact::new(name, phone);
            contact.email = email;
            contact.lists = (!lists.is_empty()).then_some(lists);
            ctx.out.item(&contacts.create(&contact)?)
        }
        Contacts::Get { id } => ctx.out.item(&contacts.get(&id)?),
        Contacts::Update {
            id,
            name,
            phone,
            email,
            clear_email,
        } => {
            let mut changes = zexa::UpdateContact::new();
            changes.name = name;
            changes.phone = phone;
            if let Some(email) = email {
                changes = changes.email(email);
            }
            if clear_email {
                changes = changes.clear_email();
            }
            ctx.out.item(&contacts.update(&id, &changes)?)
        }
        Contacts::Delete { ids } => {
            contacts.delete_many(&ids)?;
            if ctx.out.json {
                return ctx.out.json_line(&json!({ "deleted": ids }));
            }
            ctx.out.line(format!("deleted {} contact(s)", ids.len()))
        }
        Contacts::List {
            list_id,
            name,
            phone,
            email,
            channel,
            paging,
        } => {
            let mut params = zexa::ListContacts::new();
            params.list_id = list_id;
            params.name = name;
            params.phone = phone;
            params.email = email;
            params.channel = channel.map(zexa::Channel::from);
            params.page = paging.page;
            params.per_page = paging.per_page;
            print_list(ctx, &paging, || contacts.list(&params), || contacts.iter(&params))
        }
        Contacts::Import {
            file,
            mappings,
            lists,
            preview,
        } => import(ctx, &client, &file, mappings, lists, preview),
        Contacts::Export {
            list_id,
            output,
            polling,
        } => export::run(ctx, &client, list_id, &output, &polling),
    }
}

/// Whether `path` is read as a vCard file (by its extension) rather than CSV/Excel.
fn is_vcard(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("vcf") || e.eq_ignore_ascii_case("vcard"))
}

/// Uploads the file, shows its preview and the mapping, then imports it and shows the result.
fn import(
    ctx: &Ctx,
    client: &zexa::Client,
    file: &Path,
    mappings: Vec<(String, String)>,
    lists: Vec<String>,
    preview_only: bool,
) -> Result<(), Failure> {
    let contacts = client.contacts();
    let vcard = is_vcard(file);
    if vcard && !mappings.is_empty() {
        return Err(Failure::Usage(
            "--map is for CSV files: a vCard's fields are known".to_owned(),
        ));
    }
    let preview = if vcard {
        contacts.upload_vcard_path(file)?
    } else {
        contacts.upload_path(file)?
    };
    let mapping: Vec<(String, zexa::ImportField)> = mappings
        .into_iter()
        .map(|(column, field)| (column, zexa::ImportField::from(field)))
        .collect();
    if !ctx.out.json {
        show_preview(ctx, &preview, &mapping, vcard)?;
    }
    let lists = (!lists.is_empty()).then_some(lists);
    let result = if preview_only {
        None
    } else if vcard {
        let mut import = zexa::ImportVcard::new(&preview.upload_id);
        import.lists = lists;
        Some(contacts.import_vcard(&import)?)
    } else {
        let mut import = zexa::ImportMapped::new(&preview.upload_id, mapping.clone());
        import.lists = lists;
        Some(contacts.import_mapped(&import)?)
    };
    if ctx.out.json {
        let mapping: serde_json::Map<_, _> = mapping
            .iter()
            .map(|(column, field)| (column.clone(), json!(field.to_wire())))
            .collect();
        return ctx
            .out
            .json_line(&json!({ "preview": preview, "mapping": mapping, "result": result }));
    }
    match result {
        Some(result) => show_result(ctx, &result),
        None => ctx.out.line("preview only: nothing imported"),
    }
}

fn show_preview(
    ctx: &Ctx,
    preview: &zexa::UploadPreview,
    mapping: &[(String, zexa::ImportField)],
    vcard: bool,
) -> Result<(), Failure> {
    ctx.out.line(format!(
        "uploaded {} ({} row(s)); first rows:",
        preview.upload_id, preview.total_rows
    ))?;
    let headers: Vec<&str> = preview.columns.iter().map(String::as_str).collect();
    let mut out = std::io::stdout().lock();
    table::write(&mut out, &headers, &preview.rows).map_err(Failure::io("writing to stdout"))?;
    drop(out);
    if vcard {
        return ctx.out.line("mapping: the vCard's own fields");
    }
    ctx.out.line("mapping:")?;
    if mapping.is_empty() {
        ctx.out
            .line("  (none: give --map COLUMN=FIELD for each column to import)")?;
    }
    for (column, field) in mapping {
        ctx.out.line(format!("  {column} -> {}", field.to_wire()))?;
    }
    Ok(())
}

fn show_result(ctx: &Ctx, result: &zexa::ImportResult) -> Result<(), Failure> {
    ctx.out.line(format!(
        "imported {}, skipped {}",
        result.imported, result.skipped
    ))?;
    if result.errors.is_empty() {
        return Ok(());
    }
    let rows: Vec<Vec<String>> = result
        .errors
        .iter()
        .map(|e| vec![e.row.to_string(), e.error.clone(), e.message.clone()])
        .collect();
    table::write(&mut std::io::stdout().lock(), &["row", "error", "message"], &rows)
        .map_err(Failure::io("writing to stdout"))
}
