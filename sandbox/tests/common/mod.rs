//! Plain-HTTP helpers for the sandbox tests (ureq, not the SDK).
#![allow(dead_code)]

use std::time::{Duration, Instant};

use serde_json::Value;
use zexa_sandbox::{Sandbox, SandboxConfig};

/// A response: status, `X-Request-Id`, `Retry-After`, content type and parsed JSON body.
pub struct Resp {
    pub status: u16,
    pub request_id: Option<String>,
    pub retry_after: Option<String>,
    pub content_type: Option<String>,
    pub text: String,
    pub json: Value,
}

pub struct Client {
    pub sandbox: Sandbox,
    agent: ureq::Agent,
    pub key: String,
}

pub fn start(config: SandboxConfig) -> Client {
    let sandbox = Sandbox::start_with(config).expect("sandbox starts");
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    Client {
        key: sandbox.api_key().to_string(),
        sandbox,
        agent,
    }
}

pub fn fast() -> SandboxConfig {
    SandboxConfig {
        delivery_ms: 50,
        ..SandboxConfig::default()
    }
}

fn finish(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Resp {
    let mut r = r.expect("transport ok");
    let h = |name: &str| {
        r.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let (request_id, retry_after, content_type) = (h("x-request-id"), h("retry-after"), h("content-type"));
    let status = r.status().as_u16();
    let text = r
        .body_mut()
        .with_config()
        .limit(100 * 1024 * 1024)
        .read_to_string()
        .unwrap_or_default();
    let json = serde_json::from_str(&text).unwrap_or(Value::Null);
    Resp {
        status,
        request_id,
        retry_after,
        content_type,
        text,
        json,
    }
}

impl Client {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.sandbox.base_url(), path)
    }

    pub fn admin_url(&self, path: &str) -> String {
        format!("http://{}{}", self.sandbox.addr(), path)
    }

    fn auth(&self) -> String {
        format!("Bearer {}", self.key)
    }

    pub fn get(&self, path: &str) -> Resp {
        finish(
            self.agent
                .get(&self.url(path))
                .header("authorization", &self.auth())
                .call(),
        )
    }

    pub fn get_noauth(&self, path: &str) -> Resp {
        finish(self.agent.get(&self.url(path)).call())
    }

    pub fn get_abs(&self, url: &str) -> Resp {
        finish(self.agent.get(url).call())
    }

    pub fn post(&self, path: &str, body: &Value) -> Resp {
        self.post_raw(path, &body.to_string())
    }

    pub fn post_raw(&self, path: &str, body: &str) -> Resp {
        finish(
            self.agent
                .post(&self.url(path))
                .header("authorization", &self.auth())
                .header("content-type", "application/json")
                .send(body),
        )
    }

    pub fn put(&self, path: &str, body: &Value) -> Resp {
        finish(
            self.agent
                .put(&self.url(path))
                .header("authorization", &self.auth())
                .header("content-type", "application/json")
                .send(body.to_string()),
        )
    }

    pub fn delete(&self, path: &str, body: Option<&Value>) -> Resp {
        let req = self
            .agent
            .delete(&self.url(path))
            .header("authorization", &self.auth());
        finish(match body {
            None => req.call(),
            Some(b) => req
                .header("content-type", "application/json")
                .force_send_body()
                .send(b.to_string()),
        })
    }

    pub fn upload(&self, path: &str, filename: &str, content: &str) -> Resp {
        let boundary = "----zexaBoundary7MA4YWxk";
        let body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: text/plain\r\n\r\n{content}\r\n--{boundary}--\r\n"
        );
        finish(
            self.agent
                .post(&self.url(path))
                .header("authorization", &self.auth())
                .header(
                    "content-type",
                    &format!("multipart/form-data; boundary={boundary}"),
                )
                .send(body),
        )
    }

    pub fn admin_post(&self, path: &str, body: &Value) -> Resp {
        finish(
            self.agent
                .post(&self.admin_url(path))
                .header("content-type", "application/json")
                .send(body.to_string()),
        )
    }

    pub fn admin_get(&self, path: &str) -> Resp {
        finish(self.agent.get(&self.admin_url(path)).call())
    }

    /// Polls `path` until `done` holds for its JSON, or panics after `secs`.
    pub fn poll(&self, path: &str, secs: u64, done: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let r = self.get(path);
            assert_eq!(r.status, 200, "{}", r.text);
            if done(&r.json) {
                return r.json;
            }
            assert!(Instant::now() < deadline, "timed out polling {path}: {}", r.text);
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn credits(&self) -> f64 {
        self.get("/credits").json["balance"].as_f64().unwrap()
    }
}

pub fn assert_error(r: &Resp, status: u16, code: &str) {
    assert_eq!(r.status, status, "body: {}", r.text);
    assert_eq!(r.json["error"], code, "body: {}", r.text);
    assert!(r.json["message"].as_str().is_some_and(|m| !m.is_empty()));
    let rid = r.json["request_id"].as_str().expect("request_id");
    assert!(rid.starts_with("req_"));
    assert_eq!(r.request_id.as_deref(), Some(rid), "header matches body");
}
