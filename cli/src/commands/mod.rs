//! One module per group of commands; each turns its arguments into core calls and prints.

mod campaigns;
mod completions;
mod contacts;
mod listen;
mod lists;
mod messages;
mod misc;
mod request;
mod sandbox;
mod segments;

use crate::args::{Command, Paging};
use crate::failure::Failure;
use crate::Ctx;

/// Runs one command.
pub fn run(ctx: &Ctx, command: Command) -> Result<(), Failure> {
    match command {
        Command::Contacts(c) => contacts::run(ctx, c),
        Command::Lists(c) => lists::run(ctx, c),
        Command::Messages(c) => messages::run(ctx, c),
        Command::Campaigns(c) => campaigns::run(ctx, c),
        Command::SenderIds(paging) => misc::sender_ids(ctx, paging),
        Command::Credits => misc::credits(ctx),
        Command::Webhooks(c) => misc::webhooks(ctx, c),
        Command::Segments(a) => segments::run(ctx, a),
        Command::Request(a) => request::run(ctx, a),
        Command::Sandbox(a) => sandbox::run(ctx, a),
        Command::Listen(a) => listen::run(ctx, a),
        Command::Completions(a) => completions::run(a),
    }
}

/// The page the options ask for, as the core's parameters (unset stays unset).
pub(crate) fn list_params(paging: &Paging) -> zexa::ListParams {
    let mut params = zexa::ListParams::new();
    params.page = paging.page;
    params.per_page = paging.per_page;
    params
}

/// Prints one page of a list, or every item with `--all`, and a note of what was shown.
pub(crate) fn print_list<T: crate::rows::Row>(
    ctx: &Ctx,
    paging: &Paging,
    first_page: impl FnOnce() -> zexa::Result<zexa::Page<T>>,
    every_item: impl FnOnce() -> zexa::PageIter<T>,
) -> Result<(), Failure> {
    if paging.all {
        let count = ctx.out.list(paging.output, every_item())?;
        ctx.out.note(format!("{count} item(s)"));
        return Ok(());
    }
    let page = first_page()?;
    let (number, pages, total, more) = (page.page, page.total_pages(), page.total, page.has_next_page());
    ctx.out.list(paging.output, page.data.into_iter().map(Ok))?;
    if total == 0 {
        ctx.out.note("none");
        return Ok(());
    }
    let hint = if more {
        "; --page N for another, --all for every one"
    } else {
        ""
    };
    ctx.out
        .note(format!("page {number} of {pages} ({total} in all){hint}"));
    Ok(())
}
