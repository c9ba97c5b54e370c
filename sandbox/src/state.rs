//! The sandbox's in-memory state: resources (the [`Store`]), request statistics and the
//! shared [`App`] handle every request and background task works on.
//!
//! All state sits behind plain `std::sync::Mutex`es that are held only for in-memory work,
//! never across an `.await` or any I/O, so handlers stay short and the server stays fast.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex, MutexGuard};

use indexmap::{IndexMap, IndexSet};
use serde::Serialize;
use serde_json::{json, Value};

use crate::errors::{ApiError, ApiResult};
use crate::faults::FaultState;
use crate::ids::IdGen;
use crate::time::{format_ms, Clock};
use crate::{SandboxConfig, WebhookDelivery};

/// A contact.
#[derive(Debug, Clone, Serialize)]
pub struct Contact {
    /// `cnt_...`
    pub id: String,
    /// Full name.
    pub name: String,
    /// E.164 phone, unique per account.
    pub phone: String,
    /// Optional email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// IDs of the lists the contact belongs to.
    pub lists: Vec<String>,
    /// Free-form string fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<BTreeMap<String, String>>,
    /// Optional gender text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Whether the number is considered reachable.
    pub valid: bool,
    /// Creation time, pre-formatted once.
    pub created_at: String,
    /// Lower-cased name, kept to make the name filter a cheap substring test.
    #[serde(skip)]
    pub name_lc: String,
}

/// Fields of a contact being created (by the API or an import).
#[derive(Debug, Default)]
pub struct NewContact {
    /// Name.
    pub name: String,
    /// Already validated E.164 phone.
    pub phone: String,
    /// Already validated email.
    pub email: Option<String>,
    /// Existing list IDs.
    pub lists: Vec<String>,
    /// Custom fields.
    pub custom_fields: Option<BTreeMap<String, String>>,
    /// Gender.
    pub gender: Option<String>,
    /// Validity flag (default true).
    pub valid: Option<bool>,
}

/// A contact list; `members` keeps insertion order for stable pagination.
#[derive(Debug, Clone)]
pub struct ContactList {
    /// `lst_...`
    pub id: String,
    /// Name.
    pub name: String,
    /// Optional description.
    pub description: Option<String>,
    /// Member contact IDs in the order they were added.
    pub members: IndexSet<String>,
    /// Creation time.
    pub created_at: String,
}

impl ContactList {
    /// The API representation, with the current member count.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "contact_count": self.members.len(),
            "created_at": self.created_at,
        })
    }
}

/// What an upload was parsed from; the mapping endpoints check it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UploadKind {
    /// CSV via `/contacts/upload`.
    Csv,
    /// vCard via `/contacts/upload/vcard`.
    Vcard,
}

/// A parsed upload awaiting its mapping call.
#[derive(Debug, Clone)]
pub struct Upload {
    /// Origin format.
    pub kind: UploadKind,
    /// Header row.
    pub columns: Vec<String>,
    /// Every data row.
    pub rows: Vec<Vec<String>>,
}

/// An asynchronous contact export; the CSV is rendered when it is requested.
#[derive(Debug, Clone)]
pub struct Export {
    /// `exp_...`
    pub id: String,
    /// When it was requested.
    pub created_ms: u64,
    /// Rendered CSV content.
    pub csv: Arc<String>,
}

/// What a message said: its `body`, or the `template` object it was sent with.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Content {
    /// Text body.
    pub body: Option<String>,
    /// Template reference and parameters, as sent.
    pub template: Option<Value>,
}

/// A campaign and the recipient snapshot taken at creation.
#[derive(Debug, Clone)]
pub struct Campaign {
    /// `cmp_...`
    pub id: String,
    /// Name.
    pub name: String,
    /// Channel.
    pub channel: String,
    /// Target list.
    pub contact_list_id: String,
    /// Sender.
    pub sender_id: String,
    /// Creation time.
    pub created_ms: u64,
    /// Time sending starts (creation, or `scheduled_at`).
    pub start_ms: u64,
    /// Whether it was created with a future `scheduled_at`.
    pub scheduled: bool,
    /// What every recipient's message says.
    pub content: Content,
    /// Destination (`to`) of each recipient.
    pub recipients: Vec<String>,
    /// `fail_prefix[i]` = failures among recipients `0..i` (length N+1).
    pub fail_prefix: Vec<u32>,
    /// How many final outcomes the webhook ticker has already announced.
    pub reported: usize,
    /// Whether `campaign.completed` was announced.
    pub completion_reported: bool,
}

/// A single message sent with `POST /messages`.
#[derive(Debug, Clone)]
pub struct Message {
    /// `msg_...`
    pub id: String,
    /// Channel.
    pub channel: String,
    /// Destination.
    pub to: String,
    /// Sender.
    pub from: String,
    /// Creation time.
    pub created_ms: u64,
    /// Deterministic outcome.
    pub failed: bool,
    /// What it said.
    pub content: Content,
}

/// A registered webhook.
#[derive(Debug, Clone, Serialize)]
pub struct Webhook {
    /// `wh_...`
    pub id: String,
    /// Target URL.
    pub url: String,
    /// Subscribed event types.
    pub events: Vec<String>,
    /// Creation time.
    pub created_at: String,
}

/// A registered sender (one entry per name and channel).
#[derive(Debug, Clone, Serialize)]
pub struct SenderId {
    /// `sid_...`
    pub id: String,
    /// Name, e.g. `ZEXA` or `noreply@zexa.ao`.
    pub name: String,
    /// Channel.
    pub channel: String,
    /// Always `approved` in the sandbox.
    pub status: &'static str,
}

/// Every resource of the emulated account.
#[derive(Debug)]
pub struct Store {
    /// ID source.
    pub ids: IdGen,
    /// Credit balance.
    pub credits: f64,
    /// Contacts by ID, in creation order.
    pub contacts: IndexMap<String, Contact>,
    /// Phone -> contact ID (uniqueness and the phone filter).
    pub phones: HashMap<String, String>,
    /// Lists by ID, in creation order.
    pub lists: IndexMap<String, ContactList>,
    /// Pending uploads.
    pub uploads: HashMap<String, Upload>,
    /// Exports.
    pub exports: HashMap<String, Export>,
    /// Campaigns by ID, in creation order.
    pub campaigns: IndexMap<String, Campaign>,
    /// Standalone messages, in creation order.
    pub messages: IndexMap<String, Message>,
    /// Messages whose final status has not been announced to webhooks yet.
    pub active_messages: Vec<String>,
    /// Campaigns not fully announced to webhooks yet.
    pub active_campaigns: Vec<String>,
    /// Webhooks, in creation order.
    pub webhooks: IndexMap<String, Webhook>,
    /// Registered senders.
    pub sender_ids: Vec<SenderId>,
    /// Campaign counter.
    pub campaign_seq: u64,
    /// Message counter.
    pub message_seq: u64,
}

impl Store {
    /// The initial state for `config` (credits, senders, seeded contacts).
    pub fn new(config: &SandboxConfig, now: u64) -> Store {
        let mut ids = IdGen::new(config.seed);
        let mut sender_ids = Vec::new();
        for (name, channels) in &config.sender_ids {
            for ch in channels {
                sender_ids.push(SenderId {
                    id: ids.next("sid_"),
                    name: name.clone(),
                    channel: ch.clone(),
                    status: "approved",
                });
            }
        }
        let mut store = Store {
            ids,
            credits: config.credits,
            contacts: IndexMap::with_capacity(config.seed_contacts),
            phones: HashMap::with_capacity(config.seed_contacts),
            lists: IndexMap::new(),
            uploads: HashMap::new(),
            exports: HashMap::new(),
            campaigns: IndexMap::new(),
            messages: IndexMap::new(),
            active_messages: Vec::new(),
            active_campaigns: Vec::new(),
            webhooks: IndexMap::new(),
            sender_ids,
            campaign_seq: 0,
            message_seq: 0,
        };
        store.seed_contacts(config.seed_contacts, now);
        store
    }

    /// Adds `n` synthetic contacts: `Contact N`, `+244900000000 + N`, alternating gender.
    fn seed_contacts(&mut self, n: usize, now: u64) {
        let created_at = format_ms(now);
        for i in 1..=n {
            let id = self.ids.next("cnt_");
            let phone = format!("+244{}", 900_000_000u64 + i as u64);
            let name = format!("Contact {i}");
            self.phones.insert(phone.clone(), id.clone());
            self.contacts.insert(
                id.clone(),
                Contact {
                    id,
                    name_lc: name.to_lowercase(),
                    name,
                    phone,
                    email: Some(format!("contact{i}@example.com")),
                    lists: Vec::new(),
                    custom_fields: None,
                    gender: Some(if i % 2 == 0 { "male" } else { "female" }.to_string()),
                    valid: true,
                    created_at: created_at.clone(),
                },
            );
        }
    }

    /// 404 listing the unknown IDs among `list_ids`, if any.
    pub fn check_lists(&self, list_ids: &[String]) -> ApiResult<()> {
        let unknown: Vec<&String> = list_ids.iter().filter(|l| !self.lists.contains_key(*l)).collect();
        if unknown.is_empty() {
            Ok(())
        } else {
            Err(
                ApiError::not_found(format!("Unknown contact list(s): {unknown:?}"))
                    .with_details(json!({ "field": "lists", "ids": unknown })),
            )
        }
    }

    /// 404 listing the unknown IDs among `contact_ids`, if any.
    pub fn check_contacts(&self, contact_ids: &[String]) -> ApiResult<()> {
        let unknown: Vec<&String> = contact_ids
            .iter()
            .filter(|c| !self.contacts.contains_key(*c))
            .collect();
        if unknown.is_empty() {
            Ok(())
        } else {
            Err(ApiError::not_found(format!("Unknown contact(s): {unknown:?}"))
                .with_details(json!({ "field": "contact_ids", "ids": unknown })))
        }
    }

    /// Creates a contact; fails with 409 if the phone exists. Lists must already be checked.
    pub fn insert_contact(&mut self, new: NewContact, now: u64) -> ApiResult<&Contact> {
        if self.phones.contains_key(&new.phone) {
            return Err(
                ApiError::conflict("A contact with this phone number already exists")
                    .with_details(json!({ "field": "phone", "value": new.phone })),
            );
        }
        let id = self.ids.next("cnt_");
        self.phones.insert(new.phone.clone(), id.clone());
        let contact = Contact {
            id: id.clone(),
            name_lc: new.name.to_lowercase(),
            name: new.name,
            phone: new.phone,
            email: new.email,
            lists: Vec::new(),
            custom_fields: new.custom_fields,
            gender: new.gender,
            valid: new.valid.unwrap_or(true),
            created_at: format_ms(now),
        };
        self.contacts.insert(id.clone(), contact);
        for list in &new.lists {
            self.add_membership(&id, list);
        }
        Ok(&self.contacts[&id])
    }

    /// Puts contact `cid` in list `lid` (both must exist); idempotent.
    pub fn add_membership(&mut self, cid: &str, lid: &str) {
        if let (Some(c), Some(l)) = (self.contacts.get_mut(cid), self.lists.get_mut(lid)) {
            if l.members.insert(cid.to_string()) {
                c.lists.push(lid.to_string());
            }
        }
    }

    /// Takes contact `cid` out of list `lid`; idempotent.
    pub fn remove_membership(&mut self, cid: &str, lid: &str) {
        if let (Some(c), Some(l)) = (self.contacts.get_mut(cid), self.lists.get_mut(lid)) {
            if l.members.shift_remove(cid) {
                c.lists.retain(|x| x != lid);
            }
        }
    }

    /// Deletes existing contacts `ids` and their list memberships.
    pub fn delete_contacts(&mut self, ids: &[String]) {
        let set: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
        let mut touched_lists: std::collections::HashSet<String> = Default::default();
        for id in &set {
            if let Some(c) = self.contacts.get(*id) {
                self.phones.remove(&c.phone);
                touched_lists.extend(c.lists.iter().cloned());
            }
        }
        for lid in touched_lists {
            if let Some(l) = self.lists.get_mut(&lid) {
                l.members.retain(|m| !set.contains(m.as_str()));
            }
        }
        if set.len() == 1 {
            // A single delete is the common case: avoid a full pass over all contacts.
            let id = *set.iter().next().expect("one id");
            self.contacts.shift_remove(id);
        } else {
            self.contacts.retain(|k, _| !set.contains(k.as_str()));
        }
    }
}

/// Request counters for `GET /_sandbox/stats`.
#[derive(Debug, Default)]
pub struct Counters {
    /// Every API request received, faulted ones included.
    pub requests: AtomicU64,
    /// Faults applied.
    pub faults_applied: AtomicU64,
    /// `"METHOD /v1/route/{template}"` -> count.
    pub by_route: Mutex<HashMap<String, u64>>,
}

impl Counters {
    /// Counts one request to `route` (a template such as `GET /v1/contacts/{id}`).
    pub fn record(&self, route: String) {
        self.requests.fetch_add(1, Ordering::Relaxed);
        *lock(&self.by_route).entry(route).or_insert(0) += 1;
    }

    /// Zeroes everything.
    pub fn reset(&self) {
        self.requests.store(0, Ordering::Relaxed);
        self.faults_applied.store(0, Ordering::Relaxed);
        lock(&self.by_route).clear();
    }
}

/// A webhook event waiting for the delivery thread.
#[derive(Debug)]
pub struct Outgoing {
    /// Target URL.
    pub url: String,
    /// Event type.
    pub event_type: String,
    /// The event.
    pub payload: Value,
}

/// What the webhook delivery thread is fed.
#[derive(Debug)]
pub enum Outbound {
    /// POST this event.
    Event(Outgoing),
    /// Answer on this channel once every event queued before has been attempted.
    Flush(mpsc::Sender<()>),
}

/// Everything a running sandbox shares between requests and background tasks.
#[derive(Debug)]
pub struct App {
    /// The start configuration (what `/_sandbox/reset` returns to).
    pub config: SandboxConfig,
    /// `http://127.0.0.1:PORT`, for download URLs.
    pub origin: String,
    /// Resources.
    pub store: Mutex<Store>,
    /// Request counters.
    pub stats: Counters,
    /// Fault queue and random fault rate.
    pub faults: Mutex<FaultState>,
    /// Per-key fixed 1-second rate-limit windows: key -> (window second, count).
    pub rate_windows: Mutex<HashMap<String, (u64, u32)>>,
    /// Feed of the webhook delivery thread; `None` once shut down.
    pub outbox: Mutex<Option<mpsc::Sender<Outbound>>>,
    /// Attempted webhook deliveries.
    pub deliveries: Arc<Mutex<Vec<WebhookDelivery>>>,
    /// Where "now" comes from.
    pub clock: Clock,
}

/// Locks `m`, recovering from poisoning: a panicking handler must not wedge the sandbox.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl App {
    /// Builds the shared state for `config`, served at `origin`.
    pub fn new(config: SandboxConfig, origin: String) -> App {
        let clock = Clock::new(config.manual_clock);
        App {
            store: Mutex::new(Store::new(&config, clock.now_ms())),
            clock,
            faults: Mutex::new(FaultState::new(config.seed)),
            stats: Counters::default(),
            rate_windows: Mutex::new(HashMap::new()),
            outbox: Mutex::new(None),
            deliveries: Arc::new(Mutex::new(Vec::new())),
            origin,
            config,
        }
    }

    /// Milliseconds since the Unix epoch on the sandbox's clock.
    pub fn now(&self) -> u64 {
        self.clock.now_ms()
    }

    /// Locks the resource store.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        lock(&self.store)
    }

    /// Returns every piece of state to the start configuration.
    pub fn reset(&self) {
        // Build the fresh store before taking the lock so seeding never blocks requests.
        let fresh = Store::new(&self.config, self.now());
        *self.store() = fresh;
        *lock(&self.faults) = FaultState::new(self.config.seed);
        lock(&self.rate_windows).clear();
        lock(&self.deliveries).clear();
        self.stats.reset();
    }
}
