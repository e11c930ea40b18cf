//! Generates the Docker Engine API's catalogue into `OUT_DIR`, exactly as
//! any crate does, and a second, named catalogue (Symbl.ai's, the one
//! error-catalogue ships) to show one crate holding several.
fn main() {
    error_catalogue_build::Builder::new()
        .file("errors.toml")
        .run_build_script();
    error_catalogue_build::Builder::new()
        .file("../../errors.toml")
        .name("symbl")
        .run_build_script();
}
