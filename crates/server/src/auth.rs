//! API keys: bearer tokens, compared in constant time, never logged.
//!
//! Keys come from the config file (`api_keys`, `admin_keys`) and the
//! environment (`VETO_API_KEYS`, `VETO_ADMIN_KEYS`, comma-separated). Only
//! their SHA-256 digests are kept; a presented token is hashed and compared
//! against every stored digest with [`subtle::ConstantTimeEq`], so neither
//! the comparison nor an early exit tells how much of a key was right.
//!
//! The rules:
//! * no key configured at all: the API is open. Allowed only on a loopback
//!   address, or anywhere with `--insecure-no-auth`. In this open mode on
//!   loopback, admin endpoints are open too (it is one user's machine);
//!   with `--insecure-no-auth` on another address they are refused (403).
//! * keys configured: every API endpoint needs an API or admin key (401
//!   without or with a wrong one); admin endpoints need an admin key (403
//!   for a valid non-admin key). `/healthz`, `/readyz`, `/metrics` and
//!   `/openapi.json` are always open.

use axum::http::{header, HeaderMap, StatusCode};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::error::ApiError;

/// The shortest key accepted.
pub const MIN_KEY_CHARS: usize = 16;

/// What a request may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Access {
    /// Nothing (no or wrong key while keys are required).
    None,
    /// The screening and read endpoints.
    Api,
    /// Everything, including reload.
    Admin,
}

/// The configured keys, as digests.
#[derive(Clone, Default)]
pub struct Keys {
    api: Vec<[u8; 32]>,
    admin: Vec<[u8; 32]>,
    /// Admin endpoints open without keys (open mode on loopback).
    open_admin: bool,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keys")
            .field("api", &self.api.len())
            .field("admin", &self.admin.len())
            .field("open_admin", &self.open_admin)
            .finish()
    }
}

fn digest(key: &str) -> [u8; 32] {
    Sha256::digest(key.as_bytes()).into()
}

/// A short, safe-to-log fingerprint of a key: the first 8 hex digits of its
/// SHA-256.
pub fn fingerprint(key: &str) -> String {
    digest(key)[..4].iter().map(|b| format!("{b:02x}")).collect()
}

/// Why keys were refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyError(pub String);

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for KeyError {}

impl Keys {
    /// Keys from plain strings. `open_admin` allows admin endpoints without
    /// a key when no key at all is configured.
    ///
    /// # Errors
    ///
    /// A key shorter than [`MIN_KEY_CHARS`] (named by its fingerprint,
    /// never by its text).
    pub fn new(api: &[String], admin: &[String], open_admin: bool) -> Result<Keys, KeyError> {
        for k in api.iter().chain(admin) {
            if k.trim().chars().count() < MIN_KEY_CHARS {
                return Err(KeyError(format!(
                    "API key {} is shorter than {MIN_KEY_CHARS} characters",
                    fingerprint(k.trim())
                )));
            }
        }
        Ok(Keys {
            api: api.iter().map(|k| digest(k.trim())).collect(),
            admin: admin.iter().map(|k| digest(k.trim())).collect(),
            open_admin,
        })
    }

    /// Whether any key is configured.
    pub fn is_empty(&self) -> bool {
        self.api.is_empty() && self.admin.is_empty()
    }

    /// How many API and admin keys there are.
    pub fn counts(&self) -> (usize, usize) {
        (self.api.len(), self.admin.len())
    }

    /// What a token gives access to.
    pub fn check(&self, token: Option<&str>) -> Access {
        if self.is_empty() {
            return if self.open_admin { Access::Admin } else { Access::Api };
        }
        let Some(token) = token else { return Access::None };
        let d = digest(token);
        // Compare against every key, without stopping at the first match.
        let mut admin = subtle::Choice::from(0);
        for k in &self.admin {
            admin |= k.ct_eq(&d);
        }
        let mut api = subtle::Choice::from(0);
        for k in &self.api {
            api |= k.ct_eq(&d);
        }
        if bool::from(admin) {
            Access::Admin
        } else if bool::from(api) {
            Access::Api
        } else {
            Access::None
        }
    }

    /// Checks a request's headers for `need`.
    ///
    /// # Errors
    ///
    /// 401 `unauthorized` for no or an unknown key, 403 `forbidden` for a
    /// key that is valid but not enough.
    pub fn require(&self, headers: &HeaderMap, need: Access) -> Result<Access, ApiError> {
        let token = bearer(headers);
        let got = self.check(token);
        if got >= need {
            return Ok(got);
        }
        if got == Access::None {
            let msg = if token.is_some() {
                "the API key is not valid"
            } else {
                "an API key is required: send 'Authorization: Bearer <key>'"
            };
            return Err(ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", msg));
        }
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            if self.admin.is_empty() && !self.is_empty() {
                "this endpoint needs an admin key, and none is configured (admin_keys)"
            } else {
                "this endpoint needs an admin key"
            },
        ))
    }
}

/// The token of an `Authorization: Bearer <key>` header (yente's hosted
/// API spelling `ApiKey <key>` is accepted too).
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, token) = v.split_once(' ')?;
    if scheme.eq_ignore_ascii_case("bearer") || scheme.eq_ignore_ascii_case("apikey") {
        Some(token.trim()).filter(|t| !t.is_empty())
    } else {
        None
    }
}

/// Extractor: the request carries an API (or admin) key, or keys are not
/// required. Runs before the body is read, so an unauthorized request is
/// refused whatever its body.
#[derive(Clone, Copy, Debug)]
pub struct ApiAccess;

/// Extractor: the request carries an admin key (or admin endpoints are
/// open: no keys, loopback).
#[derive(Clone, Copy, Debug)]
pub struct AdminAccess;

impl axum::extract::FromRequestParts<std::sync::Arc<crate::App>> for ApiAccess {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        app: &std::sync::Arc<crate::App>,
    ) -> Result<Self, ApiError> {
        app.authorize(&parts.headers, Access::Api).map(|_| ApiAccess)
    }
}

impl axum::extract::FromRequestParts<std::sync::Arc<crate::App>> for AdminAccess {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        app: &std::sync::Arc<crate::App>,
    ) -> Result<Self, ApiError> {
        app.authorize(&parts.headers, Access::Admin).map(|_| AdminAccess)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, v.parse().expect("header"));
        h
    }

    #[test]
    fn access() {
        let keys =
            Keys::new(&["api-key-0123456789".into()], &["admin-key-0123456789".into()], true)
                .expect("keys");
        assert_eq!(keys.check(None), Access::None);
        assert_eq!(keys.check(Some("api-key-0123456789")), Access::Api);
        assert_eq!(keys.check(Some("admin-key-0123456789")), Access::Admin);
        assert_eq!(keys.check(Some("api-key-012345678")), Access::None);
        let h = headers("Bearer api-key-0123456789");
        assert!(keys.require(&h, Access::Api).is_ok());
        assert_eq!(
            keys.require(&h, Access::Admin).map_err(|e| e.status),
            Err(StatusCode::FORBIDDEN)
        );
        let h = headers("Bearer wrong-key-0123456789");
        assert_eq!(
            keys.require(&h, Access::Api).map_err(|e| e.status),
            Err(StatusCode::UNAUTHORIZED)
        );
        assert_eq!(
            keys.require(&HeaderMap::new(), Access::Api).map_err(|e| e.code),
            Err("unauthorized")
        );
        assert!(keys.require(&headers("ApiKey admin-key-0123456789"), Access::Admin).is_ok());
    }

    #[test]
    fn open_modes() {
        let open = Keys::new(&[], &[], true).expect("keys");
        assert_eq!(open.check(None), Access::Admin);
        let public = Keys::new(&[], &[], false).expect("keys");
        assert_eq!(public.check(None), Access::Api);
        assert_eq!(
            public.require(&HeaderMap::new(), Access::Admin).map_err(|e| e.status),
            Err(StatusCode::FORBIDDEN)
        );
    }

    #[test]
    fn short_keys_refused_without_showing_them() {
        let e = Keys::new(&["short".into()], &[], false).expect_err("too short");
        assert!(!e.0.contains("short "), "{e}");
        assert!(e.0.contains(&fingerprint("short")));
    }
}
