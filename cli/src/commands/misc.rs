//! `zexa sender-ids`, `zexa credits`, `zexa webhooks create`.

use crate::args::{Paging, Webhooks};
use crate::commands::{list_params, print_list};
use crate::failure::Failure;
use crate::Ctx;

/// `zexa sender-ids`
pub fn sender_ids(ctx: &Ctx, paging: Paging) -> Result<(), Failure> {
    let client = ctx.client()?;
    let params = list_params(&paging);
    print_list(
        ctx,
        &paging,
        || client.sender_ids().list(&params),
        || client.sender_ids().iter(&params),
    )
}

/// `zexa credits`
pub fn credits(ctx: &Ctx) -> Result<(), Failure> {
    let credits = ctx.client()?.credits().get()?;
    if ctx.out.json {
        return ctx.out.json_line(&credits);
    }
    ctx.out.line(format!("{} {}", credits.balance, credits.currency))
}

/// `zexa webhooks create`
pub fn webhooks(ctx: &Ctx, command: Webhooks) -> Result<(), Failure> {
    match command {
        Webhooks::Create { url, events } => {
            let hook = ctx
                .client()?
                .webhooks()
                .create(&zexa::CreateWebhook::new(url, events))?;
            ctx.out.item(&hook)
        }
    }
}
