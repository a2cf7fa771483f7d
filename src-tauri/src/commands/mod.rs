//! The IPC surface, one module per area. Every command is thin: take state, call one crate
//! function, map the error to [`crate::IpcError`]. Never put domain logic in a command.

pub mod app;
pub mod report;
