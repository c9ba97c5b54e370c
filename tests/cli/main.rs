//! End-to-end tests of the `zexa` program: the real binary against a sandbox started in the
//! test process, every command, its exit code and its output (tables read, JSON parsed).

mod common;

mod bulk;
mod campaigns;
mod contacts;
mod exit_codes;
mod listen;
mod lists;
mod messages;
mod misc;
mod secrets;
mod tools;
