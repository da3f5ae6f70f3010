//! The OpenAPI 3.1 document served at `/openapi.json`, written by hand. A
//! test checks that it describes every route in [`crate::ROUTES`].

use serde_json::{json, Value};
use veto_matcher::DEFAULT_THRESHOLD;

use crate::Config;

fn error_responses(codes: &[&str]) -> Value {
    let mut m = serde_json::Map::new();
    for c in codes {
        let desc = match *c {
            "400" => "Bad input: invalid_json, invalid_request, empty_name, name_too_long, unknown_schema, unknown_kind, unknown_country, invalid_birth_date, invalid_parameter, too_many_queries",
            "401" => "unauthorized: no or unknown API key",
            "403" => "forbidden: the key is valid but not an admin key",
            "404" => "not_found",
            "409" => "reload_in_progress",
            "413" => "body_too_large",
            "415" => "unsupported_media_type: the body must be application/json",
            "500" => "internal or reload_failed (the previous snapshot keeps serving)",
            "503" => "not_ready (lists still loading) or timeout",
            _ => "error",
        };
        m.insert(
            (*c).to_string(),
            json!({"description": desc, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}),
        );
    }
    Value::Object(m)
}

fn ok(desc: &str, schema: Value) -> Value {
    json!({"description": desc, "content": {"application/json": {"schema": schema}}})
}

fn op(summary: &str, tags: &[&str], secured: bool, ok_resp: Value, errors: &[&str]) -> Value {
    let mut responses = error_responses(errors);
    responses["200"] = ok_resp;
    let mut o = json!({"summary": summary, "tags": tags, "responses": responses});
    if !secured {
        o["security"] = json!([]);
    }
    o
}

fn body(schema: Value) -> Value {
    json!({"required": true, "content": {"application/json": {"schema": schema}}})
}

fn param(name: &str, inn: &str, desc: &str, schema: Value) -> Value {
    json!({"name": name, "in": inn, "required": inn == "path", "description": desc, "schema": schema})
}

/// The document, with the server's limits filled in.
pub fn document(config: &Config) -> Value {
    let r = |s: &str| json!({"$ref": format!("#/components/schemas/{s}")});
    let std_err = ["400", "401", "413", "415", "503"];
    let dataset = param("dataset", "path", "`default` (every loaded list) or a source: us_ofac_sdn, us_ofac_cons, un, uk_ofsi, eu_fsf, us_csl, opensanctions, senzing", json!({"type": "string"}));
    let id = param(
        "id",
        "path",
        "Entity id `<source>:<native id>`, e.g. us_ofac_sdn:35096",
        json!({"type": "string"}),
    );
    let list = |n: &str, d: &str| {
        param(n, "query", d, json!({"type": "array", "items": {"type": "string"}}))
    };
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "veto screening API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Sanctions screening over the loaded lists. veto's own endpoints under /v1, and yente-compatible /match, /search and /entities. Every error body is {\"error\": {\"code\", \"message\"}, \"detail\"}.",
        },
        "security": [{"bearer": []}],
        "paths": {
            "/v1/screen": {"post": {
                "summary": "Screen one name", "tags": ["Screening"],
                "requestBody": body(r("ScreenRequest")),
                "responses": { "200": ok("Hits, best first, as `veto screen --format json` prints them", r("ScreenResponse")) },
            }},
            "/v1/screen/batch": {"post": {
                "summary": format!("Screen up to {} names", config.max_batch), "tags": ["Screening"],
                "requestBody": body(r("BatchRequest")),
                "responses": { "200": ok("One {id, hits} per query, in order, as `veto screen --input` writes them", r("BatchResponse")) },
            }},
            "/v1/entities/{id}": {"get": {
                "summary": "One entity, as `veto entity --format json` prints it", "tags": ["Data"],
                "parameters": [id.clone()],
                "responses": { "200": ok("The entity", json!({"type": "object"})) },
            }},
            "/v1/lists": {"get": op("The loaded lists: sources, versions, data dates, counts, content hashes", &["Data"], true, ok("Lists", r("Lists")), &["401", "503"])},
            "/v1/lists/reload": {"post": op("Reload the lists and swap them in atomically (admin key)", &["Admin"], true,
                ok("Reloaded", json!({"type": "object", "properties": {"status": {"type": "string"}, "snapshot_version": {"type": "integer"}, "entities": {"type": "integer"}, "took_ms": {"type": "integer"}}})),
                &["401", "403", "409", "500"])},
            "/match/{dataset}": {"post": {
                "summary": "Query-by-example matching (yente-compatible)", "tags": ["Matching"],
                "parameters": [
                    dataset.clone(),
                    param("limit", "query", "Results per query (default 5, at most 500)", json!({"type": "integer", "default": 5})),
                    param("threshold", "query", "Score from which `match` is true", json!({"type": "number", "default": DEFAULT_THRESHOLD})),
                    param("cutoff", "query", "Lowest score returned (default 0.5, never above threshold)", json!({"type": "number", "default": 0.5})),
                    param("algorithm", "query", "Accepted for compatibility, ignored: veto has one algorithm", json!({"type": "string"})),
                    list("include_dataset", "Only these datasets"),
                    list("exclude_dataset", "Not these datasets"),
                    list("exclude_schema", "Not these schemas"),
                    list("exclude_entity_ids", "Not these entities"),
                ],
                "requestBody": body(r("EntityMatchQuery")),
                "responses": { "200": ok("One response per query key", r("EntityMatchResponse")) },
            }},
            "/search/{dataset}": {"get": {
                "summary": "Name search (yente-compatible)", "tags": ["Matching"],
                "parameters": [
                    dataset,
                    param("q", "query", "The name", json!({"type": "string"})),
                    param("limit", "query", "Results (default 10)", json!({"type": "integer", "default": 10})),
                    param("schema", "query", "Person, Company, Organization, LegalEntity, Vessel, Airplane", json!({"type": "string"})),
                    list("include_dataset", "Only these datasets"),
                    list("exclude_dataset", "Not these datasets"),
                ],
                "responses": { "200": ok("Results", r("SearchResponse")) },
            }},
            "/entities/{id}": {"get": {
                "summary": "One entity as a FollowTheMoney object (yente-compatible)", "tags": ["Data"],
                "parameters": [id],
                "responses": { "200": ok("The entity", r("Entity")) },
            }},
            "/healthz": {"get": op("The process is up", &["System"], false, ok("ok", json!({"type": "object"})), &[])},
            "/readyz": {"get": op("Ready once the lists are loaded", &["System"], false, ok("ready", json!({"type": "object"})), &["503"])},
            "/metrics": {"get": op("Prometheus metrics: requests and latency per route, snapshot version, reloads", &["System"], false,
                json!({"description": "Prometheus text format", "content": {"text/plain": {"schema": {"type": "string"}}}}), &[])},
            "/openapi.json": {"get": op("This document", &["System"], false, ok("OpenAPI 3.1", json!({"type": "object"})), &[])},
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "An API key; admin endpoints need an admin key. Optional when the server listens on loopback with no keys configured."}},
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {
                    "error": {"type": "object", "properties": {"code": {"type": "string"}, "message": {"type": "string"}}},
                    "detail": {"type": "string"}}},
                "Query": {"type": "object", "required": ["name"], "properties": {
                    "id": {"description": "Echoed back"},
                    "name": {"type": "string", "maxLength": config.max_name_chars},
                    "kind": {"type": "string", "enum": ["person", "organization", "vessel", "aircraft"]},
                    "birth_date": {"type": "string", "description": "YYYY, YYYY-MM or YYYY-MM-DD"},
                    "country": {"type": "string", "description": "ISO code or name"},
                    "identifiers": {"type": "array", "items": {"type": "string"}, "description": "TYPE:VALUE (passport:AB123, imo:9187629)"}}},
                "ScreenRequest": {"allOf": [r("Query"), {"type": "object", "properties": {
                    "limit": {"type": "integer", "default": 10, "maximum": 500},
                    "threshold": {"type": "number", "default": DEFAULT_THRESHOLD}}}]},
                "BatchRequest": {"type": "object", "required": ["queries"], "properties": {
                    "queries": {"type": "array", "items": r("Query"), "maxItems": config.max_batch},
                    "limit": {"type": "integer"}, "threshold": {"type": "number"}}},
                "Hit": {"type": "object", "properties": {
                    "entity_id": {"type": "string"}, "score": {"type": "number"}, "name": {"type": "string"},
                    "matched_name": {"type": "string"}, "source": {"type": "string"}, "kind": {"type": "string"},
                    "programs": {"type": "array", "items": {"type": "string"}}, "explanation": r("Explanation")}},
                "Explanation": {"type": "object", "properties": {
                    "summary": {"type": "string"}, "matched_name": {"type": "string"}, "name_score": {"type": "number"},
                    "tokens": {"type": "array", "items": {"type": "object"}},
                    "unmatched_query": {"type": "array", "items": {"type": "string"}},
                    "unmatched_list": {"type": "array", "items": {"type": "string"}},
                    "factors": {"type": "array", "items": {"type": "object", "properties": {"factor": {"type": "string"}, "delta": {"type": "number"}, "detail": {"type": "string"}}}}}},
                "ScreenResponse": {"type": "object", "properties": {
                    "id": {}, "query": {"type": "string"}, "threshold": {"type": "number"},
                    "hits": {"type": "array", "items": r("Hit")}, "snapshot_version": {"type": "integer"}}},
                "BatchResponse": {"type": "object", "properties": {
                    "results": {"type": "array", "items": {"type": "object", "properties": {"id": {}, "hits": {"type": "array", "items": r("Hit")}}}},
                    "threshold": {"type": "number"}, "snapshot_version": {"type": "integer"}}},
                "Lists": {"type": "object", "properties": {
                    "snapshot_version": {"type": "integer"}, "loaded_at": {"type": "string"}, "entities": {"type": "integer"},
                    "lists": {"type": "array", "items": {"type": "object", "properties": {
                        "list": {"type": "string"}, "source": {"type": "string"}, "dataset": {"type": "string"}, "version": {"type": "string"},
                        "format": {"type": "string"}, "data_date": {"type": ["string", "null"]}, "entities": {"type": "integer"},
                        "counts": {"type": "object"}, "content_hash": {"type": "string"}, "imported_at": {"type": ["string", "null"]}}}}}},
                "EntityExample": {"type": "object", "required": ["schema", "properties"], "properties": {
                    "id": {"type": "string"},
                    "schema": {"type": "string", "enum": ["Person", "Company", "Organization", "PublicBody", "LegalEntity", "Thing", "Vessel", "Airplane"]},
                    "properties": {"type": "object", "additionalProperties": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
                        "description": "name, alias, birthDate, nationality, citizenship, country, jurisdiction, idNumber, passportNumber, registrationNumber, taxNumber, innCode, ogrnCode, swiftBic, leiCode, imoNumber, mmsi, firstName, lastName, ..."}}},
                "EntityMatchQuery": {"type": "object", "required": ["queries"], "properties": {
                    "queries": {"type": "object", "additionalProperties": r("EntityExample"), "maxProperties": config.max_batch},
                    "weights": {"type": "object", "description": "Accepted, ignored"},
                    "config": {"type": "object", "description": "Accepted, ignored"}}},
                "Entity": {"type": "object", "properties": {
                    "id": {"type": "string"}, "caption": {"type": "string"}, "schema": {"type": "string"},
                    "properties": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
                    "datasets": {"type": "array", "items": {"type": "string"}},
                    "referents": {"type": "array", "items": {"type": "string"}}, "target": {"type": "boolean"}}},
                "ScoredEntity": {"allOf": [r("Entity"), {"type": "object", "properties": {
                    "score": {"type": "number"}, "match": {"type": "boolean"},
                    "features": {"type": "object", "additionalProperties": {"type": "number"}},
                    "explanations": r("Explanation")}}]},
                "EntityMatchResponse": {"type": "object", "properties": {
                    "responses": {"type": "object", "additionalProperties": {"type": "object", "properties": {
                        "status": {"type": "integer"}, "results": {"type": "array", "items": r("ScoredEntity")},
                        "total": {"type": "object", "properties": {"value": {"type": "integer"}, "relation": {"type": "string"}}},
                        "query": r("EntityExample")}}},
                    "matcher": {"type": "object"}, "limit": {"type": "integer"}}},
                "SearchResponse": {"type": "object", "properties": {
                    "results": {"type": "array", "items": {"allOf": [r("Entity"), {"type": "object", "properties": {"score": {"type": "number"}}}]}},
                    "total": {"type": "object"}, "limit": {"type": "integer"}, "offset": {"type": "integer"}, "facets": {"type": "object"}}},
            }
        }
    })
    .pipe(|mut doc| {
        // Error responses on every screening and data endpoint.
        for (path, method) in [
            ("/v1/screen", "post"),
            ("/v1/screen/batch", "post"),
            ("/v1/entities/{id}", "get"),
            ("/match/{dataset}", "post"),
            ("/search/{dataset}", "get"),
            ("/entities/{id}", "get"),
        ] {
            let codes: Vec<&str> = std_err
                .iter()
                .copied()
                .chain(if path.contains('{') { Some("404") } else { None })
                .collect();
            if let Value::Object(errs) = error_responses(&codes) {
                for (k, v) in errs {
                    doc["paths"][path][method]["responses"][k] = v;
                }
            }
        }
        doc
    })
}

trait Pipe: Sized {
    fn pipe<T>(self, f: impl FnOnce(Self) -> T) -> T {
        f(self)
    }
}

impl Pipe for Value {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_described() {
        let doc = document(&Config::new(([127, 0, 0, 1], 0).into()));
        for (method, path) in crate::ROUTES {
            let op = &doc["paths"][*path][*method];
            assert!(op.is_object(), "{method} {path} is not in the OpenAPI document");
            assert!(op["responses"]["200"].is_object(), "{method} {path} has no 200 response");
        }
        let paths = doc["paths"].as_object().expect("paths");
        let described: usize = paths.values().map(|p| p.as_object().map_or(0, |m| m.len())).sum();
        assert_eq!(
            described,
            crate::ROUTES.len(),
            "the document describes routes the server lacks"
        );
    }
}
