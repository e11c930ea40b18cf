//! A docs generator: queries the catalogue through the public API and
//! writes every docs format into a folder, with a per-endpoint summary.
//!
//! ```sh
//! cargo run --example docs_site -- target/docs-site
//! ```

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use error_catalogue::render::{self, Format};
use error_catalogue::{Endpoint, page};

fn main() -> ExitCode {
    let dir = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("target/docs-site"), PathBuf::from);
    match generate(&dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("docs_site: {}: {err}", dir.display());
            ExitCode::FAILURE
        }
    }
}

fn generate(dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for &format in Format::ALL {
        let mut w = BufWriter::new(File::create(dir.join(format.file_name()))?);
        render::render(format, &mut w)?;
        w.flush()?;
        println!("wrote {}", dir.join(format.file_name()).display());
    }
    // The API the renderers use is there for any other generator too.
    println!("\n{} ({})", page().title(), page().url());
    println!(
        "  {}: {} statuses",
        page().general_title(),
        error_catalogue::general().len()
    );
    for endpoint in Endpoint::ALL {
        let statuses: Vec<String> = endpoint
            .entries()
            .iter()
            .map(|e| e.code().to_string())
            .collect();
        println!(
            "  {} {} {}: {} -> {}",
            endpoint.method(),
            endpoint.path(),
            endpoint.name(),
            statuses.join(", "),
            render::anchor_url(endpoint.slug())
        );
    }
    Ok(())
}
