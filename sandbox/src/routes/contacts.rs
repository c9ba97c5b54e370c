//! `/contacts`: create, search, read, update, delete (one or many).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};

use super::raw_json;
use crate::errors::{ApiError, ApiResult};
use crate::json::{ApiQuery, Body, Page, PageParams};
use crate::state::{App, Contact, NewContact, Store};
use crate::validate::{is_e164, is_email, CHANNELS};

fn check_phone(phone: &str) -> ApiResult<()> {
    if is_e164(phone) {
        Ok(())
    } else {
        Err(ApiError::validation(
            "phone",
            phone,
            "phone must be in E.164 format (e.g. +244912345678)",
        ))
    }
}

fn check_email(email: &str) -> ApiResult<()> {
    if is_email(email) {
        Ok(())
    } else {
        Err(ApiError::validation("email", email, "email is malformed"))
    }
}

fn check_name(name: &str) -> ApiResult<()> {
    if name.trim().is_empty() {
        Err(ApiError::validation("name", name, "name must not be empty"))
    } else {
        Ok(())
    }
}

/// `POST /contacts` → 201 contact.
pub async fn create(State(app): State<Arc<App>>, b: Body) -> ApiResult<Response> {
    let new = NewContact {
        name: b.req_str("name")?,
        phone: b.req_str("phone")?,
        email: b.opt_str("email")?,
        lists: b.opt_str_array("lists")?.unwrap_or_default(),
        custom_fields: b.opt_str_map("custom_fields")?,
        gender: b.opt_str("gender")?,
        valid: b.opt_bool("valid")?,
    };
    check_name(&new.name)?;
    check_phone(&new.phone)?;
    if let Some(e) = &new.email {
        check_email(e)?;
    }
    let now = app.now();
    let mut store = app.store();
    store.check_lists(&new.lists)?;
    let contact = store.insert_contact(new, now)?;
    let bytes = serde_json::to_vec(contact).expect("serializable");
    drop(store);
    Ok(raw_json(StatusCode::CREATED, bytes))
}

/// `GET /contacts/{id}`.
pub async fn get_one(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult<Response> {
    let store = app.store();
    let contact = store.contacts.get(&id).ok_or_else(|| unknown_contact(&id))?;
    let bytes = serde_json::to_vec(contact).expect("serializable");
    drop(store);
    Ok(raw_json(StatusCode::OK, bytes))
}

fn unknown_contact(id: &str) -> ApiError {
    ApiError::not_found(format!("No contact with id '{id}'")).with_details(json!({ "id": id }))
}

/// Search criteria of `GET /contacts` (all optional; empty matches everything).
#[derive(Debug, Default)]
pub struct Filter {
    name: Option<String>,
    email: Option<String>,
    gender: Option<String>,
    valid: Option<bool>,
    needs_email: bool,
}

impl Filter {
    fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.email.is_none()
            && self.gender.is_none()
            && self.valid.is_none()
            && !self.needs_email
    }

    fn matches(&self, c: &Contact) -> bool {
        if let Some(n) = &self.name {
            if !c.name_lc.contains(n.as_str()) {
                return false;
            }
        }
        if let Some(e) = &self.email {
            if !c.email.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(e)) {
                return false;
            }
        }
        if let Some(g) = &self.gender {
            if !c.gender.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(g)) {
                return false;
            }
        }
        if let Some(v) = self.valid {
            if c.valid != v {
                return false;
            }
        }
        !(self.needs_email && c.email.is_none())
    }
}

/// The query of `GET /contacts`; every filter is optional.
#[derive(Debug, Deserialize)]
pub struct ContactQuery {
    #[serde(flatten)]
    page: PageParams,
    list_id: Option<String>,
    name: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    gender: Option<String>,
    valid: Option<String>,
    channel: Option<String>,
}

/// `GET /contacts` with filters `list_id`, `name`, `phone`, `email`, `gender`, `valid`,
/// `channel`, paginated.
pub async fn list(State(app): State<Arc<App>>, ApiQuery(q): ApiQuery<ContactQuery>) -> ApiResult<Response> {
    let page = Page::from_params(&q.page)?;
    let valid = match q.valid.as_deref() {
        None => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(other) => {
            return Err(ApiError::invalid_field("valid", "valid must be true or false")
                .with_details(json!({"field": "valid", "value": other})))
        }
    };
    let needs_email = match q.channel.as_deref() {
        None => false,
        Some("email") => true,
        Some(ch) if CHANNELS.contains(&ch) => false,
        Some(ch) => return Err(ApiError::validation("channel", ch, "unknown channel")),
    };
    let filter = Filter {
        name: q.name.as_deref().map(str::to_lowercase),
        email: q.email,
        gender: q.gender,
        valid,
        needs_email,
    };
    let store = app.store();
    let (data, total) = search(&store, &filter, q.list_id.as_deref(), q.phone.as_deref(), page)?;
    drop(store);
    Ok(page.respond(data, total))
}

/// Runs a search, touching only what the page needs when no predicate is set.
pub fn search(
    store: &Store,
    filter: &Filter,
    list_id: Option<&str>,
    phone: Option<&str>,
    page: Page,
) -> ApiResult<(Vec<Value>, usize)> {
    let to_json = |c: &Contact| serde_json::to_value(c).expect("serializable");
    let list = match list_id {
        Some(lid) => Some(store.lists.get(lid).ok_or_else(|| {
            ApiError::not_found(format!("No contact list with id '{lid}'")).with_details(json!({ "id": lid }))
        })?),
        None => None,
    };
    // Phone is unique: the index answers it directly.
    if let Some(phone) = phone {
        let hit = store
            .phones
            .get(phone)
            .and_then(|id| store.contacts.get(id))
            .filter(|c| filter.matches(c))
            .filter(|c| list.is_none_or(|l| l.members.contains(&c.id)));
        let total = usize::from(hit.is_some());
        let data = hit
            .filter(|_| page.offset() == 0)
            .map(to_json)
            .into_iter()
            .collect();
        return Ok((data, total));
    }
    let offset = page.offset();
    if filter.is_empty() {
        // Direct indexing: O(per_page) whatever the page number.
        return Ok(match list {
            Some(l) => (
                (offset..(offset + page.per_page).min(l.members.len()))
                    .filter_map(|i| l.members.get_index(i))
                    .filter_map(|id| store.contacts.get(id))
                    .map(to_json)
                    .collect(),
                l.members.len(),
            ),
            None => (
                (offset..(offset + page.per_page).min(store.contacts.len()))
                    .filter_map(|i| store.contacts.get_index(i))
                    .map(|(_, c)| to_json(c))
                    .collect(),
                store.contacts.len(),
            ),
        });
    }
    let mut total = 0usize;
    let mut data = Vec::new();
    let mut visit = |c: &Contact| {
        if filter.matches(c) {
            if total >= offset && data.len() < page.per_page {
                data.push(to_json(c));
            }
            total += 1;
        }
    };
    match list {
        Some(l) => l
            .members
            .iter()
            .filter_map(|id| store.contacts.get(id))
            .for_each(&mut visit),
        None => store.contacts.values().for_each(&mut visit),
    }
    Ok((data, total))
}

/// `PUT /contacts/{id}`: partial update; `null` clears an optional field.
pub async fn update(State(app): State<Arc<App>>, Path(id): Path<String>, b: Body) -> ApiResult<Response> {
    let name = b.opt_str("name")?;
    let phone = b.opt_str("phone")?;
    let email = b.opt_str("email")?;
    let lists = b.opt_str_array("lists")?;
    let custom_fields = b.opt_str_map("custom_fields")?;
    let gender = b.opt_str("gender")?;
    let valid = b.opt_bool("valid")?;
    if let Some(n) = &name {
        check_name(n)?;
    }
    if let Some(p) = &phone {
        check_phone(p)?;
    }
    if let Some(e) = &email {
        check_email(e)?;
    }
    let mut store = app.store();
    let old_phone = match store.contacts.get(&id) {
        Some(c) => c.phone.clone(),
        None => return Err(unknown_contact(&id)),
    };
    if let Some(lists) = &lists {
        store.check_lists(lists)?;
    }
    if let Some(p) = &phone {
        if *p != old_phone {
            if store.phones.contains_key(p) {
                return Err(
                    ApiError::conflict("A contact with this phone number already exists")
                        .with_details(json!({ "field": "phone", "value": p })),
                );
            }
            store.phones.remove(&old_phone);
            store.phones.insert(p.clone(), id.clone());
        }
    }
    if let Some(lists) = lists {
        let current = store.contacts[&id].lists.clone();
        for l in current.iter().filter(|l| !lists.contains(l)) {
            store.remove_membership(&id, l);
        }
        for l in &lists {
            store.add_membership(&id, l);
        }
    }
    let c = store.contacts.get_mut(&id).expect("checked above");
    if let Some(n) = name {
        c.name_lc = n.to_lowercase();
        c.name = n;
    }
    if let Some(p) = phone {
        c.phone = p;
    }
    if b.has("email") {
        c.email = email;
    }
    if b.has("custom_fields") {
        c.custom_fields = custom_fields;
    }
    if b.has("gender") {
        c.gender = gender;
    }
    if let Some(v) = valid {
        c.valid = v;
    }
    let bytes = serde_json::to_vec(&*c).expect("serializable");
    drop(store);
    Ok(raw_json(StatusCode::OK, bytes))
}

/// `DELETE /contacts/{id}` → 204.
pub async fn delete_one(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult<StatusCode> {
    let mut store = app.store();
    if !store.contacts.contains_key(&id) {
        return Err(unknown_contact(&id));
    }
    store.delete_contacts(std::slice::from_ref(&id));
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /contacts` with `{"ids": [...]}` → 204; any unknown ID is a 404 and nothing is
/// deleted (all-or-nothing keeps retries safe).
pub async fn delete_many(State(app): State<Arc<App>>, body: Body) -> ApiResult<StatusCode> {
    let ids = body.req_str_array("ids")?;
    let mut store = app.store();
    store
        .check_contacts(&ids)
        .map_err(|e| e.with_details(json!({ "field": "ids", "ids": unknown(&store, &ids) })))?;
    store.delete_contacts(&ids);
    Ok(StatusCode::NO_CONTENT)
}

fn unknown(store: &Store, ids: &[String]) -> Vec<String> {
    ids.iter()
        .filter(|i| !store.contacts.contains_key(*i))
        .cloned()
        .collect()
}
