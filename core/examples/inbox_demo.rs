//! Sends traffic for the sandbox's inbox page (used by `tests/browser/run.sh`), through the
//! SDK against `ZEXA_BASE_URL` / `ZEXA_API_KEY`:
//!
//! - `cargo run --example inbox_demo -- message +244912345678 "Olá"` sends one SMS and
//!   prints its ID;
//! - `cargo run --example inbox_demo -- campaign N` creates N contacts in a new list, starts
//!   an SMS campaign to it and prints the campaign's ID (without waiting for it);
//! - `cargo run --example inbox_demo -- webhook URL` registers a webhook for every event
//!   and prints its ID.

use std::process::ExitCode;

use zexa::{
    Channel, Client, CreateCampaign, CreateContact, CreateContactList, CreateWebhook, ListMembership,
    SendMessage,
};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["message", to, body] => message(to, body),
        ["webhook", url] => webhook(url),
        ["campaign", n] => n
            .parse()
            .map_err(|_| "N must be a count".into())
            .and_then(campaign),
        _ => Err("usage: inbox_demo message TO BODY | campaign N | webhook URL".into()),
    };
    match result {
        Ok(id) => {
            println!("{id}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("inbox_demo: {e}");
            ExitCode::FAILURE
        }
    }
}

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn message(to: &str, body: &str) -> Result<String> {
    let client = Client::from_env()?;
    let sent = client
        .messages()
        .send(&SendMessage::text(Channel::Sms, to, "ZEXA", body))?;
    Ok(sent.id)
}

fn webhook(url: &str) -> Result<String> {
    let client = Client::from_env()?;
    let events = ["message.delivered", "message.failed", "campaign.completed"];
    Ok(client.webhooks().create(&CreateWebhook::new(url, events))?.id)
}

fn campaign(n: u32) -> Result<String> {
    let client = Client::from_env()?;
    let list = client
        .contact_lists()
        .create(&CreateContactList::new("Inbox demo audience"))?;
    let mut ids = Vec::new();
    for i in 0..n {
        let contact = client.contacts().create(&CreateContact::new(
            format!("Demo contact {}", i + 1),
            format!("+24492000{:04}", i + 1),
        ))?;
        ids.push(contact.id);
    }
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    client
        .contact_lists()
        .add_contacts(&ListMembership::new(&[&list.id], &ids))?;
    let campaign = client.campaigns().create(
        &CreateCampaign::new("Inbox demo promo", Channel::Sms, &list.id, "ZEXA")
            .body("Promoção de fim de semana: 20% de desconto."),
    )?;
    Ok(campaign.id)
}
