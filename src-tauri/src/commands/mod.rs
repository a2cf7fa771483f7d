//! The IPC surface, one module per area.

pub mod app;
