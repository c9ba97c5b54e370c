//! String enums of the API that keep values this version does not know.
//!
//! A new campaign status or channel added to the API must not break a client already in
//! users' hands: unknown values decode to `Unknown(String)` and encode back unchanged.

/// Declares a string enum with an `Unknown(String)` fallback, its serde and `Display`.
macro_rules! string_enum_impl {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $wire:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value this version of the SDK does not know, kept as received.
            Unknown(String),
        }

        impl $name {
            /// The value as the API spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)+
                    $name::Unknown(other) => other,
                }
            }

            /// Every value this version knows.
            pub const KNOWN: &'static [&'static str] = &[$($wire),+];
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $($wire => $name::$variant,)+
                    other => $name::Unknown(other.to_owned()),
                }
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                $name::from(value.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok($name::from(s))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Ok($name::from(text.as_ref()))
            }
        }
    };
}
pub(crate) use string_enum_impl as string_enum;

string_enum! {
    /// A messaging channel.
    Channel {
        /// SMS.
        Sms => "sms",
        /// WhatsApp.
        Whatsapp => "whatsapp",
        /// Telegram.
        Telegram => "telegram",
        /// Email.
        Email => "email",
        /// Slack.
        Slack => "slack",
    }
}

impl Channel {
    /// Whether recipients on this channel are phone numbers (E.164).
    pub fn uses_phone_numbers(&self) -> bool {
        matches!(self, Channel::Sms | Channel::Whatsapp | Channel::Telegram)
    }
}

string_enum! {
    /// Where a campaign is in its life.
    CampaignStatus {
        /// Created, not sending yet.
        Draft => "draft",
        /// Waiting for its `scheduled_at` time.
        Scheduled => "scheduled",
        /// Messages are being dispatched.
        Processing => "processing",
        /// Every message was handed to carriers; delivery reports may still arrive.
        Sent => "sent",
        /// Every message reached a final status (final).
        Completed => "completed",
        /// The campaign could not be processed (final).
        Failed => "failed",
    }
}

impl CampaignStatus {
    /// `completed` and `failed`: the campaign will not change any more.
    pub fn is_final(&self) -> bool {
        matches!(self, CampaignStatus::Completed | CampaignStatus::Failed)
    }
}

string_enum! {
    /// Delivery status of a single message.
    MessageStatus {
        /// Accepted, not yet sent.
        Queued => "queued",
        /// Handed to the carrier.
        Sent => "sent",
        /// Delivered to the recipient (final).
        Delivered => "delivered",
        /// Could not be sent (final).
        Failed => "failed",
        /// Sent but not delivered (final).
        Undelivered => "undelivered",
    }
}

impl MessageStatus {
    /// Whether the message will not change status any more.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            MessageStatus::Delivered | MessageStatus::Failed | MessageStatus::Undelivered
        )
    }
}

string_enum! {
    /// Progress of an export.
    ExportStatus {
        /// Accepted, not started.
        Pending => "pending",
        /// Being produced.
        Processing => "processing",
        /// Ready at `download_url` (final).
        Completed => "completed",
        /// Could not be produced (final).
        Failed => "failed",
    }
}

impl ExportStatus {
    /// `completed` and `failed`: the export will not change any more.
    pub fn is_final(&self) -> bool {
        matches!(self, ExportStatus::Completed | ExportStatus::Failed)
    }
}

string_enum! {
    /// Review status of a sender ID.
    SenderIdStatus {
        /// Under review.
        Pending => "pending",
        /// Usable.
        Approved => "approved",
        /// Refused.
        Rejected => "rejected",
    }
}

string_enum! {
    /// The type of a webhook event.
    WebhookEventType {
        /// A message was delivered.
        MessageDelivered => "message.delivered",
        /// A message failed.
        MessageFailed => "message.failed",
        /// A campaign completed.
        CampaignCompleted => "campaign.completed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_values_round_trip() {
        let s: CampaignStatus = serde_json::from_str("\"paused\"").unwrap();
        assert_eq!(s, CampaignStatus::Unknown("paused".into()));
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"paused\"");
        let c: Channel = serde_json::from_str("\"sms\"").unwrap();
        assert_eq!(c, Channel::Sms);
        assert!(CampaignStatus::Completed.is_final() && !CampaignStatus::Sent.is_final());
    }
}
