//! `zexa campaigns preview|create|get|list|wait`.

use crate::args::Campaigns;
use crate::commands::{list_params, print_list};
use crate::failure::Failure;
use crate::Ctx;

mod wait;

/// Runs a `campaigns` command.
pub fn run(ctx: &Ctx, command: Campaigns) -> Result<(), Failure> {
    let client = ctx.client()?;
    let campaigns = client.campaigns();
    match command {
        Campaigns::Preview { list, channel, body } => {
            let preview = campaigns.preview(&list, zexa::Channel::from(channel), &body)?;
            ctx.out.item(&preview)
        }
        Campaigns::Create {
            name,
            channel,
            list,
            from,
            body,
            at,
            max_segments,
            wait,
            polling,
        } => {
            let mut campaign =
                zexa::CreateCampaign::new(name, zexa::Channel::from(channel), list, from).body(body);
            if let Some(at) = at {
                campaign = campaign.scheduled_at(at);
            }
            campaign.max_segments = max_segments;
            let created = campaigns.create(&campaign)?;
            if !wait {
                return ctx.out.item(&created);
            }
            if ctx.out.json {
                ctx.out.json_line(&created)?;
            } else {
                ctx.out
                    .line(format!("created {} ({})", created.id, created.status))?;
            }
            wait::run(ctx, &client, &created.id, &polling)
        }
        Campaigns::Get { id } => ctx.out.item(&campaigns.get(&id)?),
        Campaigns::List(paging) => {
            let params = list_params(&paging);
            print_list(
                ctx,
                &paging,
                || campaigns.list(&params),
                || campaigns.iter(&params),
            )
        }
        Campaigns::Wait { id, polling } => wait::run(ctx, &client, &id, &polling),
    }
}
