// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(e) = nianbao_app::run() {
        eprintln!("年报助手无法启动 (the app could not start): {e}");
        std::process::exit(1);
    }
}
