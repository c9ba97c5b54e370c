//! The Zexa quickstart: contacts, a list, a message and a campaign, end to end.
//!
//! `cargo run --example quickstart` runs it on an embedded sandbox (no account needed).
//! With `ZEXA_BASE_URL` and `ZEXA_API_KEY` set, it runs the same flow against that server.

use std::process::ExitCode;
use std::time::Duration;

use zexa::{
    Channel, Client, Contact, CreateCampaign, CreateContact, CreateContactList, ErrorKind, ListContacts,
    ListMembership, ListParams, SendMessage,
};
use zexa_sandbox::Sandbox;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quickstart failed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    // The sandbox lives as long as this binding: it stops when `run` returns.
    let (client, _sandbox) = connect()?;

    println!("\n1. Contacts");
    let local_number = "0923 456 789";
    let joao_phone = zexa::to_e164(local_number, Some("244"))?;
    println!("   to_e164({local_number:?}, 244) = {joao_phone}");
    let people = [
        CreateContact::new("Maria Santos", "+244912345678").email("maria@example.com"),
        CreateContact::new("João Ferreira", joao_phone).custom_field("city", "Luanda"),
        CreateContact::new("Ana Costa", "+351912345678").email("ana@example.pt"),
    ];
    let mut contacts = Vec::new();
    for person in &people {
        let contact = create_or_find(&client, person)?;
        println!("   {} {:<14} {}", contact.id, contact.name, contact.phone);
        contacts.push(contact);
    }

    println!("\n2. A contact list");
    let list = client
        .contact_lists()
        .create(&CreateContactList::new("Clientes Luanda").description("Quickstart audience"))?;
    let ids: Vec<&str> = contacts.iter().map(|c| c.id.as_str()).collect();
    client
        .contact_lists()
        .add_contacts(&ListMembership::new(&[&list.id], &ids))?;
    let page = client
        .contact_lists()
        .contacts(&list.id, &ListParams::new().per_page(10u32))?;
    println!(
        "   {} \"{}\": {} member(s), page {} of {}",
        list.id,
        list.name,
        page.total,
        page.page,
        page.total_pages()
    );
    for member in &page.data {
        println!("   - {} ({})", member.name, member.phone);
    }

    println!("\n3. A message");
    let message = client.messages().send(&SendMessage::text(
        Channel::Sms,
        &contacts[0].phone,
        "ZEXA",
        "Olá Maria! A sua encomenda está a caminho.",
    ))?;
    println!(
        "   {} to {} via {}: {}",
        message.id, message.to, message.channel, message.status
    );

    println!("\n4. A campaign to the list, previewed first");
    // "Informação" is UCS-2 (`ç`, `ã` are not in GSM-7): 70 characters a segment, not 160.
    let draft = "Informação: 20% de desconto este fim de semana. Responda STOP para sair.";
    let segments = zexa::sms_segments(draft);
    println!(
        "   {:?}: {} segment(s) in {}, UCS-2 because of {:?}",
        draft,
        segments.segments,
        segments.encoding,
        segments
            .unicode_characters
            .iter()
            .map(|c| c.character.as_str())
            .collect::<Vec<_>>()
    );
    let body = zexa::sms_smart_encode(draft, true).text;
    let preview = client.campaigns().preview(&list.id, Channel::Sms, &body)?;
    println!(
        "   transliterated {:?}: {} recipient(s) x {} segment(s) = {} segment(s) in all",
        body,
        preview.recipients,
        preview.segments_per_message.unwrap_or(0),
        preview.total_segments.unwrap_or(0)
    );
    let campaign = client.campaigns().create(
        &CreateCampaign::new("Quickstart promo", Channel::Sms, &list.id, "ZEXA")
            .body(body)
            .max_segments(1u32),
    )?;
    println!(
        "   {} created: {}, {} recipient(s)",
        campaign.id, campaign.status, campaign.total_recipients
    );
    let done = client.campaigns().wait_with_progress(
        &campaign.id,
        Duration::from_millis(200),
        Some(Duration::from_secs(120)),
        |c| {
            println!(
                "   ... {:<10} delivered {} failed {} of {}",
                c.status.as_str(),
                c.delivered.unwrap_or(0),
                c.failed.unwrap_or(0),
                c.total_recipients
            )
        },
    )?;
    println!(
        "   {} {}: {} delivered, {} failed",
        done.id,
        done.status,
        done.delivered.unwrap_or(0),
        done.failed.unwrap_or(0)
    );

    println!("\n5. Credits");
    let credits = client.credits().get()?;
    println!("   balance: {} {}", credits.balance, credits.currency);
    Ok(())
}

/// A client for `ZEXA_BASE_URL`, or for an embedded sandbox when it is not set.
fn connect() -> Result<(Client, Option<Sandbox>), Box<dyn std::error::Error>> {
    if std::env::var_os("ZEXA_BASE_URL").is_some() {
        let client = Client::from_env()?;
        println!("Using {} (from ZEXA_BASE_URL)", client.base_url());
        return Ok((client, None));
    }
    let sandbox = Sandbox::start()?;
    println!(
        "No ZEXA_BASE_URL set: started an embedded Zexa sandbox at {}",
        sandbox.base_url()
    );
    let client = Client::builder(sandbox.api_key())
        .base_url(sandbox.base_url())
        .build()?;
    Ok((client, Some(sandbox)))
}

/// Creates the contact, or finds the existing one with the same phone (a 409 conflict), so
/// the quickstart can run twice against the same account.
fn create_or_find(client: &Client, contact: &CreateContact) -> zexa::Result<Contact> {
    match client.contacts().create(contact) {
        Err(e) if e.kind() == ErrorKind::Conflict => {
            let found = client
                .contacts()
                .list(&ListContacts::new().phone(contact.phone.clone()))?;
            found.data.into_iter().next().ok_or(e)
        }
        other => other,
    }
}
