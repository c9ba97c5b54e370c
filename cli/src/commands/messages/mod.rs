//! `zexa messages send|get|send-bulk`.

mod bulk;

use crate::args::Messages;
use crate::failure::Failure;
use crate::Ctx;

/// Runs a `messages` command.
pub fn run(ctx: &Ctx, command: Messages) -> Result<(), Failure> {
    if let Messages::SendBulk(args) = command {
        return bulk::run(ctx, args);
    }
    let client = ctx.client()?;
    let message = match command {
        Messages::Send {
            channel,
            to,
            from,
            content,
            max_segments,
        } => {
            let mut message = zexa::SendMessage::new(zexa::Channel::from(channel), to, from);
            message.body = content.body;
            message.template = content.template;
            message.max_segments = max_segments;
            client.messages().send(&message)?
        }
        Messages::Get { id } => client.messages().get(&id)?,
        Messages::SendBulk(_) => unreachable!("handled above"),
    };
    ctx.out.item(&message)
}
