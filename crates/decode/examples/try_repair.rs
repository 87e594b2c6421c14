//! Prints `repair_text` on each argument (or each stdin line): a quick
//! way to see what the repair does to a piece of text.
use std::io::BufRead;

fn show(s: &str) {
    let r = taojin_decode::repair_text(s);
    println!(
        "{s}\n=> {}\n   repairs {:?} removed {:?}",
        r.text,
        r.repairs,
        r.removed.iter().map(|x| &x.text).collect::<Vec<_>>()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        for line in std::io::stdin().lock().lines().map_while(Result::ok) {
            show(&line);
        }
    } else {
        for a in &args {
            show(a);
        }
    }
}
