//! `veto update` against a local HTTP server serving the real files.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::util::{read_data, Env};

/// A minimal HTTP/1.1 file server on 127.0.0.1 for the test's lifetime:
/// serves `routes` (path → body), 404 otherwise.
struct Server {
    port: u16,
    stop: Arc<AtomicBool>,
}

impl Server {
    fn start(routes: Vec<(String, Vec<u8>)>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let s2 = stop.clone();
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if s2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(mut conn) = conn else { continue };
                let mut reader = BufReader::new(conn.try_clone().unwrap());
                let mut first = String::new();
                if reader.read_line(&mut first).is_err() {
                    continue;
                }
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).map(|n| n == 0).unwrap_or(true) || h == "\r\n" {
                        break;
                    }
                }
                let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
                let body = routes.iter().find(|(p, _)| *p == path).map(|(_, b)| b.clone());
                let (status, body) = match body {
                    Some(b) => ("200 OK", b),
                    None => ("404 Not Found", b"not found".to_vec()),
                };
                let _ = write!(
                    conn,
                    "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = conn.write_all(&body);
            }
        });
        Server { port, stop }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = std::net::TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn routes() -> Vec<(String, Vec<u8>)> {
    vec![
        ("/ofac/SDN.CSV".into(), read_data("ofac/2021-07-07/sdn.csv.gz")),
        ("/ofac/ALT.CSV".into(), read_data("ofac/2021-07-07/alt.csv.gz")),
        ("/ofac/ADD.CSV".into(), read_data("ofac/2021-07-07/add.csv.gz")),
        ("/ofac/SDN_COMMENTS.CSV".into(), read_data("ofac/2021-07-07/sdn_comments.csv")),
        (
            "/ofac/CONSOLIDATED.XML".into(),
            read_data("ofac-consolidated/consolidated_2026-01-08.xml.gz"),
        ),
        ("/un/consolidated.xml".into(), read_data("un/UN_consolidated_2026-02-27.xml.gz")),
        ("/uk/ConList.csv".into(), read_data("uk/ConList_2025-04-10.csv.gz")),
        ("/trunc/consolidated.xml".into(), {
            let b = read_data("un/UN_consolidated_2026-02-27.xml.gz");
            b[..b.len() / 3].to_vec()
        }),
        ("/html/consolidated.xml".into(), b"<html><body>maintenance</body></html>".to_vec()),
    ]
}

#[test]
fn update_downloads_verifies_and_imports() {
    let server = Server::start(routes());
    let env = Env::new();
    let out = env.ok(&[
        "update",
        "--url",
        &format!("us_ofac_sdn={}", server.url("/ofac/SDN.CSV")),
        "--url",
        &format!("us_ofac_sdn={}", server.url("/ofac/ALT.CSV")),
        "--url",
        &format!("us_ofac_sdn={}", server.url("/ofac/ADD.CSV")),
        "--url",
        &format!("us_ofac_sdn={}", server.url("/ofac/SDN_COMMENTS.CSV")),
        "--url",
        &format!("us_ofac_cons={}", server.url("/ofac/CONSOLIDATED.XML")),
        "--url",
        &format!("un={}", server.url("/un/consolidated.xml")),
        "--url",
        &format!("uk_ofsi={}", server.url("/uk/ConList.csv")),
    ]);
    assert!(out.contains("8,976 entities"), "{out}");
    assert!(out.contains("1,003 entities"), "{out}");
    let lists = env.json(&["lists", "--format", "json"]);
    let n: Vec<(String, u64)> = lists["lists"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["list"].as_str().unwrap().to_string(), l["entities"].as_u64().unwrap()))
        .collect();
    assert!(n.contains(&("us_ofac_sdn".into(), 8_976)), "{n:?}");
    assert!(n.contains(&("us_ofac_cons".into(), 442)), "{n:?}");
    assert!(n.contains(&("uk_ofsi".into(), 4_686)), "{n:?}");
    // The downloads are kept as the record of what was imported.
    assert!(env.store().join("downloads").is_dir());
}

#[test]
fn update_refuses_bad_downloads_and_keeps_the_store() {
    let server = Server::start(routes());
    let env = Env::new();
    env.ok(&["update", "un", "--url", &format!("un={}", server.url("/un/consolidated.xml"))]);
    let before = env.manifest();
    for (path, expect) in [
        ("/trunc/consolidated.xml", "does not verify"),
        ("/html/consolidated.xml", "unknown format"),
        ("/missing.xml", "404"),
        ("/ofac/CONSOLIDATED.XML", "not un"),
    ] {
        let err = env.err(&["update", "un", "--url", &format!("un={}", server.url(path))]);
        assert!(err.contains(expect), "{path}: {err}");
        assert_eq!(env.manifest(), before, "{path} changed the store");
    }
    // A pinned hash that does not match is refused too.
    let cfg = env.path("sources.json");
    std::fs::write(
        &cfg,
        format!(
            r#"{{"lists": {{"un": {{"urls": ["{}"], "sha256": ["00"]}}}}}}"#,
            server.url("/un/consolidated.xml")
        ),
    )
    .unwrap();
    let err = env.err(&["update", "un", "--config", &cfg.display().to_string()]);
    assert!(err.contains("does not match the pinned"), "{err}");
    assert_eq!(env.manifest(), before);
}
