//! The page as a person uses it, in headless Chromium driven through chromedriver: load the page,
//! load the example, get the brief, click a citation and check that the highlighted text is
//! exactly the cited bytes of the original file, open the figures table, click a value.
//! A second reader follows live events: articles arrive at a `--store` server, the event list
//! refreshes, a brief opens, and after more articles "what is new" shows only the news.
//! Screenshots of each step go to `target/screenshots/`.
//!
//! Needs Debian's `chromium` and `chromium-driver`. Without them the test says why and passes,
//! unless `CHORUS_BROWSER_TEST=required` (set by `.ci/run`, which installs them): then it fails.

use fantoccini::{ClientBuilder, Locator};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A program on `PATH`.
fn find_program(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?).map(|dir| dir.join(name)).find(|path| path.is_file())
}

/// chromedriver, killed when dropped.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

async fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start listening on port {port}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn screenshots_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir
}

/// Polls `script` (a JS expression) until it is truthy: clicks return before the page's
/// `fetch` and rendering finish.
async fn wait_until(client: &fantoccini::Client, what: &str, script: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let value = client.execute(&format!("return Boolean({script});"), vec![]).await.expect("script runs");
        if value == serde_json::Value::Bool(true) {
            return;
        }
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// chromedriver and a headless Chromium session on it, or `None` (saying why) when they are not
/// installed and the test is not required.
async fn browser() -> Option<(Driver, fantoccini::Client)> {
    let required = std::env::var("CHORUS_BROWSER_TEST").is_ok_and(|v| v == "required");
    let (Some(chromedriver), Some(chromium)) =
        (find_program("chromedriver"), find_program("chromium").or_else(|| find_program("chromium-browser")))
    else {
        assert!(!required, "CHORUS_BROWSER_TEST=required but chromium or chromedriver is not on PATH");
        eprintln!("skipping the browser test: chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        return None;
    };
    let port = free_port();
    let driver = Driver(
        Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver"),
    );
    wait_for_port(port).await;
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1000"]
        }),
    );
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a browser session");
    Some((driver, client))
}

/// Serves the page (with a live store in `store`) on a free loopback port.
async fn start_server(store: Option<&Path>) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr: SocketAddr = listener.local_addr().expect("addr");
    let config = chorus_server::Config { store: store.map(Path::to_path_buf), ..chorus_server::Config::default() };
    tokio::spawn(chorus_server::serve(listener, config, std::future::pending()));
    addr
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reader_loads_the_example_and_checks_a_citation() {
    let Some((_driver, client)) = browser().await else { return };
    let addr = start_server(None).await;
    let shots = screenshots_dir();
    let shoot = |name: &'static str| {
        let client = client.clone();
        let path = shots.join(name);
        async move { std::fs::write(&path, client.screenshot().await.expect("screenshot")).expect("save screenshot") }
    };

    client.goto(&format!("http://{addr}/")).await.expect("open the page");
    wait_until(&client, "the methods are listed", "document.querySelectorAll('#method option').length > 0").await;
    shoot("1-page.png").await;

    client.find(Locator::Id("example")).await.expect("example button").click().await.expect("click");
    wait_until(
        &client,
        "the example's four reports are loaded",
        "document.querySelectorAll('#reports textarea').length === 4",
    )
    .await;
    shoot("2-example.png").await;

    client.find(Locator::Id("go")).await.expect("brief button").click().await.expect("click");
    wait_until(&client, "the brief is shown", "document.querySelectorAll('#sentences li').length > 0").await;
    shoot("3-brief.png").await;

    // The last citation: the one furthest into its report, the hardest to get right.
    let citations = client.find_all(Locator::Css("#sentences .cite")).await.expect("citations");
    let citation = citations.last().expect("a citation");
    let doc: usize = citation.attr("data-doc").await.expect("attr").expect("data-doc").parse().expect("index");
    let start: usize = citation.attr("data-start").await.expect("attr").expect("data-start").parse().expect("offset");
    let end: usize = citation.attr("data-end").await.expect("attr").expect("data-end").parse().expect("offset");
    citation.click().await.expect("click the citation");
    wait_until(&client, "the source is shown", "document.querySelector('#source-text mark') !== null").await;
    let marked = client.find(Locator::Css("#source-text mark")).await.expect("mark").text().await.expect("text");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/in-amenas"))
            .expect("example")
            .map(|e| e.expect("entry").path())
            .collect();
    files.sort();
    let original = std::fs::read(&files[doc]).expect("read the cited file");
    let cited = std::str::from_utf8(&original[start..end]).expect("the cited bytes are whole characters");
    // WebDriver's text is the rendered text: runs of whitespace read as one space.
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(squash(&marked), squash(cited), "the highlight is the cited bytes of {}", files[doc].display());
    let raw = client
        .execute("return document.querySelector('#source-text mark').textContent;", vec![])
        .await
        .expect("script");
    assert_eq!(raw.as_str(), Some(cited), "exactly, whitespace included");
    let in_view = client
        .execute(
            "const r = document.querySelector('#source-text mark').getBoundingClientRect(); \
             const p = document.querySelector('#source-text').getBoundingClientRect(); \
             return r.top >= p.top - 1 && r.top <= p.bottom;",
            vec![],
        )
        .await
        .expect("script");
    assert_eq!(in_view, serde_json::Value::Bool(true), "the highlight is scrolled into view");
    shoot("4-citation.png").await;

    client.find(Locator::Id("show-figures")).await.expect("figures button").click().await.expect("click");
    wait_until(&client, "the figures table is open", "!document.getElementById('figures').hidden").await;
    let rows = client.find_all(Locator::Css("#figures-table tbody tr")).await.expect("rows");
    assert!(rows.len() >= 2, "the example has disputed figures");
    let table = client.find(Locator::Id("figures-table")).await.expect("table").text().await.expect("text");
    assert!(table.contains("hostage") && table.contains("35") && table.contains("23"), "{table}");
    let value = client.find(Locator::Css("#figures-table tbody button")).await.expect("a value");
    let claim_start: usize = value.attr("data-start").await.expect("attr").expect("start").parse().expect("offset");
    let claim_end: usize = value.attr("data-end").await.expect("attr").expect("end").parse().expect("offset");
    let claim_doc: usize = value.attr("data-doc").await.expect("attr").expect("doc").parse().expect("index");
    value.click().await.expect("click a value");
    let claim = std::fs::read(&files[claim_doc]).expect("read");
    let claim = std::str::from_utf8(&claim[claim_start..claim_end]).expect("whole characters").to_owned();
    let script = format!(
        "document.querySelector('#source-text mark').textContent === {}",
        serde_json::to_string(&claim).expect("json")
    );
    wait_until(&client, "the claim is highlighted", &script).await;
    shoot("5-figures.png").await;

    // At phone width nothing is wider than the screen (the table scrolls within its box).
    client.set_window_size(390, 844).await.expect("resize");
    wait_until(
        &client,
        "the page fits a phone-width screen",
        "document.documentElement.scrollWidth <= window.innerWidth",
    )
    .await;
    shoot("6-phone.png").await;

    client.close().await.expect("close the session");
}

/// The page of a `--store` server: the events appear as articles arrive (the page polls), an
/// event opens its brief, and after more articles the event says what is new since it was read
/// and shows only that.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reader_follows_live_events() {
    let Some((_driver, client)) = browser().await else { return };
    let store = tempfile::tempdir().expect("temp dir");
    let addr = start_server(Some(store.path())).await;
    let shots = screenshots_dir();
    let shoot = |name: &'static str| {
        let client = client.clone();
        let path = shots.join(name);
        async move { std::fs::write(&path, client.screenshot().await.expect("screenshot")).expect("save screenshot") }
    };
    let stream =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/stream/articles.jsonl"))
            .expect("example stream");
    let lines: Vec<&str> = stream.lines().collect();
    let post = |body: String| async move {
        let response = reqwest::Client::new()
            .post(format!("http://{addr}/v1/articles"))
            .header("content-type", "application/x-ndjson")
            .body(body)
            .send()
            .await
            .expect("answer");
        assert_eq!(response.status(), 200);
    };

    client.goto(&format!("http://{addr}/")).await.expect("open the page");
    wait_until(&client, "the live section shows", "!document.getElementById('live').hidden").await;
    post(lines[..7].join("\n")).await;
    wait_until(&client, "the three events are listed", "document.querySelectorAll('#events li').length === 3").await;
    let first = client.find(Locator::Css("#events li button")).await.expect("an event").text().await.expect("text");
    assert!(first.starts_with("e1: Northway Rail agrees to buy Tessel Freight"), "newest activity first: {first}");

    client.find(Locator::Css("#events button[data-event=e1]")).await.expect("e1").click().await.expect("click");
    wait_until(&client, "the brief of e1 is shown", "document.querySelectorAll('#event-sentences li').length > 0")
        .await;
    let title = client.find(Locator::Id("event-title")).await.expect("title").text().await.expect("text");
    assert_eq!(title, "e1: Northway Rail agrees to buy Tessel Freight");
    let read =
        client.execute("return JSON.parse(localStorage.getItem('chorus.read')).e1;", vec![]).await.expect("script");
    assert_eq!(read, serde_json::json!(1), "the version read is remembered");
    shoot("7-live-events.png").await;

    post(lines[7..].join("\n")).await;
    wait_until(
        &client,
        "e1 says it has news since v1",
        "(document.querySelector('#events button[data-event=e1] .badge') || {}).textContent === 'new since v1'",
    )
    .await;
    // By keyboard: focus the event and press Enter.
    let e1 = client.find(Locator::Css("#events button[data-event=e1]")).await.expect("e1");
    e1.send_keys(&fantoccini::key::Key::Enter.to_string()).await.expect("Enter");
    wait_until(
        &client,
        "what is new since v1 is shown",
        "document.getElementById('event-status').textContent.startsWith('What is new since v1')",
    )
    .await;
    let sentences = client.find(Locator::Id("event-sentences")).await.expect("list").text().await.expect("text");
    assert!(sentences.starts_with("Shares in Northway Rail rose 6 percent as investors"), "{sentences}");
    let reports = client.find(Locator::Id("event-reports")).await.expect("list").text().await.expect("text");
    assert_eq!(reports.matches("read before").count(), 2, "{reports}");
    wait_until(
        &client,
        "the badge is gone once read",
        "!document.querySelector('#events button[data-event=e1] .badge')",
    )
    .await;
    let again = client.find(Locator::Id("event-new")).await.expect("button").text().await.expect("text");
    assert_eq!(again, "What is new since v2", "the next look compares with the version just read");
    shoot("8-live-new.png").await;

    client.set_window_size(390, 844).await.expect("resize");
    wait_until(
        &client,
        "the live events fit a phone-width screen",
        "document.documentElement.scrollWidth <= window.innerWidth",
    )
    .await;
    shoot("9-live-phone.png").await;
    client.close().await.expect("close the session");
}
