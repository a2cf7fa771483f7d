//! Print what the parser makes of a text file: metadata, outline with kinds, figures.
//! `cargo run -p nianbao-report --example dump -- FILE` (a development aid, not the CLI).

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump FILE");
        return;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return;
        }
    };
    let report = nianbao_report::parse_text(&text);
    println!("{:?}", report.meta);
    println!("body_start {}", report.body_start);
    for s in report.all_sections() {
        println!(
            "{}{} {} [{}] L{}-{}",
            "  ".repeat(usize::from(s.level)),
            s.number,
            s.heading,
            s.kind.key(),
            s.line,
            s.end_line
        );
    }
    for f in &report.figures {
        println!(
            "{:>4} {:<28} {:>14} {:<4} {} {:<12} | {}",
            f.line,
            f.metric,
            f.value,
            f.unit,
            if f.approx { "~" } else { " " },
            f.raw,
            f.excerpt
        );
    }
}
