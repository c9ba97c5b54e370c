use crate::client::Client;
use crate::error::Result;
use crate::models;
use crate::transport::{Method, Payload};

/// The credits endpoint. Get it from [`Client::credits`].
#[derive(Debug, Clone, Copy)]
pub struct Credits<'a> {
    client: &'a Client,
}

impl<'a> Credits<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Credits { client }
    }

    /// `GET /credits`: the balance.
    pub fn get(&self) -> Result<models::Credits> {
        self.client.call(Method::Get, "/credits", &[], &Payload::Empty)
    }
}
