//! `zexa completions bash|zsh|fish|...`: clap_complete's script for the shell.

use crate::args::CompletionsArgs;
use crate::failure::Failure;

/// Prints the completion script on stdout.
pub fn run(args: CompletionsArgs) -> Result<(), Failure> {
    let mut command = crate::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(args.shell, &mut command, "zexa", &mut out);
    Ok(())
}
