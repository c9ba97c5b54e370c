//! `zexa`, the command line of the Zexa API, as a library: [`run`] is the whole program, so the
//! Rust binary and the Python package's `zexa` console script are one implementation.
//!
//! Every call goes through the core crate `zexa`: validation, retries, defaults, paging and
//! SMS segments live there; this crate parses the command line, prints, and maps errors to
//! the documented exit codes (see [`exit`]).

#![warn(missing_docs)]

mod args;
mod commands;
pub mod exit;
mod failure;
mod interrupt;
mod output;
mod rows;
mod table;
mod verbose;

use std::ffi::OsString;

use clap::Parser;

use crate::args::{Cli, Global};
use crate::failure::Failure;
use crate::interrupt::Interrupt;
use crate::output::Output;

/// What every command gets: the global options, the output, and the Ctrl-C flag.
pub(crate) struct Ctx {
    pub global: Global,
    pub out: Output,
    pub interrupt: Interrupt,
}

impl Ctx {
    /// The client the options and the environment describe (the key: `--api-key`, then
    /// `ZEXA_API_KEY`; the base URL: `--base-url`, then `ZEXA_BASE_URL`, then the core's).
    pub fn client(&self) -> Result<zexa::Client, Failure> {
        let g = &self.global;
        let mut builder = zexa::Client::builder_with_env(g.api_key.as_deref())?
            .app_info("zexa-cli", env!("CARGO_PKG_VERSION"));
        if let Some(url) = &g.base_url {
            builder = builder.base_url(url);
        }
        if let Some(timeout) = g.timeout {
            builder = builder.timeout(timeout);
        }
        if let Some(retries) = g.max_retries {
            builder = builder.max_retries(retries);
        }
        Ok(builder.build()?)
    }
}

/// Runs the program on `args` (the first one is the program's name, as in `std::env::args_os`)
/// and returns its exit code. Prints on stdout and stderr.
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are "errors" that exit 0; usage errors exit 2.
            let _ = e.print();
            return if e.use_stderr() { exit::USAGE } else { exit::OK };
        }
    };
    verbose::enable(cli.global.verbose);
    let ctx = Ctx {
        out: Output {
            json: cli.global.json,
        },
        global: cli.global,
        interrupt: Interrupt::catch(),
    };
    // Every call of the command obeys Ctrl-C through this token.
    let token = ctx.interrupt.token();
    match token.run(|| commands::run(&ctx, cli.command)) {
        Ok(()) => exit::OK,
        Err(failure) if failure.is_broken_pipe() => exit::OK,
        Err(failure) => {
            if ctx.out.json {
                eprintln!("{}", failure.json());
            } else {
                eprintln!("{}", failure.text());
            }
            failure.exit_code()
        }
    }
}

/// The `clap` command, for tests of the help and for completions.
pub(crate) fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_is_well_formed() {
        super::command().debug_assert();
    }
}
