//! `ctg evaluate examples/civraisien/plan.json --at 2021-12-31 --format html` writes a report
//! that a browser shows: headless Chromium loads it, and the DOM it builds holds the axis
//! titles, the status labels and the SVG charts. A screenshot goes to `target/artifacts/`.
//!
//! Without Chromium the test prints a skip note, unless `CTG_REQUIRE_BROWSER=1` (set by
//! `scripts/test.sh`), where it fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> Option<String> {
    let candidates = std::env::var("CTG_CHROMIUM")
        .into_iter()
        .chain(["chromium", "chromium-browser", "google-chrome"].map(String::from));
    candidates.into_iter().find(|name| {
        Command::new(name)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// Runs the browser headless on `url` with `extra` arguments; its standard output.
fn run_browser(browser: &str, extra: &[String], url: &str, profile: &Path) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the browser");
    let mut stdout = child.stdout.take().expect("browser output");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut text);
        text
    });
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if start.elapsed() > Duration::from_secs(90) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("the browser did not finish within 90 s");
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            Err(error) => panic!("waiting for the browser: {error}"),
        }
    }
    reader.join().unwrap_or_default()
}

#[test]
fn civraisien_html_report_shows_in_a_browser() {
    let Some(browser) = chromium() else {
        if std::env::var("CTG_REQUIRE_BROWSER").as_deref() == Ok("1") {
            panic!("CTG_REQUIRE_BROWSER=1 but no Chromium found (apt-get install chromium)");
        }
        eprintln!("SKIP: Chromium not found; the HTML report was not checked in a browser");
        return;
    };
    let artifacts: PathBuf = ctg_examples::repo_path("target/artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let report = artifacts.join("evaluation-civraisien-2021-12-31.html");
    let plan = ctg_examples::repo_path("examples/civraisien/plan.json");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = [
        "ctg".to_owned(),
        "evaluate".to_owned(),
        plan.display().to_string(),
        "--at".to_owned(),
        "2021-12-31".to_owned(),
        "--format".to_owned(),
        "html".to_owned(),
        "--output".to_owned(),
        report.display().to_string(),
    ];
    let code = ctg_cli::run(args, &mut out, &mut err);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));

    let url = format!("file://{}", report.display());
    let profile = artifacts.join("chromium-profile");
    let dom = run_browser(&browser, &["--dump-dom".to_owned()], &url, &profile);
    assert!(
        dom.contains("<html lang=\"fr\">"),
        "the browser built no DOM: {dom:.200}"
    );
    let plan: ctg_core::Plan =
        serde_json::from_str(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    for axis in &plan.axes {
        let escaped = ctg_core::evaluation::report::escape_html(&axis.title);
        assert!(dom.contains(&escaped), "axis title missing: {}", axis.title);
    }
    for label in [
        "en bonne voie",
        "pas de données",
        "Avancement par axe",
        "illustratives",
    ] {
        assert!(dom.contains(label), "missing in the page: {label}");
    }
    assert!(dom.matches("<svg").count() >= 2, "no SVG chart in the page");
    assert!(dom.contains("<title>Avancement par axe"));

    let screenshot = artifacts.join("evaluation-civraisien-2021-12-31.png");
    let _ = std::fs::remove_file(&screenshot);
    run_browser(
        &browser,
        &[
            format!("--screenshot={}", screenshot.display()),
            "--window-size=1200,2000".to_owned(),
        ],
        &url,
        &profile,
    );
    let size = std::fs::metadata(&screenshot).map(|m| m.len()).unwrap_or(0);
    assert!(size > 10_000, "screenshot missing or empty ({size} bytes)");
}
