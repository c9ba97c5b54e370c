//! `zexa lists create|list|add|remove|members`.

use crate::args::Lists;
use crate::commands::{list_params, print_list};
use crate::failure::Failure;
use crate::Ctx;

/// Runs a `lists` command.
pub fn run(ctx: &Ctx, command: Lists) -> Result<(), Failure> {
    let client = ctx.client()?;
    let lists = client.contact_lists();
    match command {
        Lists::Create { name, description } => {
            let mut list = zexa::CreateContactList::new(name);
            list.description = description;
            ctx.out.item(&lists.create(&list)?)
        }
        Lists::List(paging) => {
            let params = list_params(&paging);
            print_list(ctx, &paging, || lists.list(&params), || lists.iter(&params))
        }
        Lists::Add { list_id, contact_ids } => {
            lists.add_contacts(&zexa::ListMembership::new(&[&list_id], &contact_ids))?;
            done(ctx, "added", &list_id, contact_ids.len())
        }
        Lists::Remove { list_id, contact_ids } => {
            lists.remove_contacts(&zexa::ListMembership::new(&[&list_id], &contact_ids))?;
            done(ctx, "removed", &list_id, contact_ids.len())
        }
        Lists::Members { list_id, paging } => {
            let params = list_params(&paging);
            print_list(
                ctx,
                &paging,
                || lists.contacts(&list_id, &params),
                || lists.iter_contacts(&list_id, &params),
            )
        }
    }
}

fn done(ctx: &Ctx, what: &str, list_id: &str, count: usize) -> Result<(), Failure> {
    if ctx.out.json {
        return ctx
            .out
            .json_line(&serde_json::json!({ "list_id": list_id, what: count }));
    }
    ctx.out.line(format!("{what} {count} contact(s) ({list_id})"))
}
