//! The `zexa` program: everything is in the library (`zexa_cli::run`), which the Python
//! package's console script runs too.

fn main() {
    std::process::exit(zexa_cli::run(std::env::args_os()));
}
