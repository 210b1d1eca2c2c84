//! The `opportunity-matcher` command: `check`, `convert`, `rank` (see `opportunity_matcher::cli`).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match opportunity_matcher::cli::run(&args, &mut out) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("{}", e.message);
            std::process::exit(e.code);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
