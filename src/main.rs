fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let t = govreport::pdf::read(&bytes, &Default::default(), std::time::Instant::now() + std::time::Duration::from_secs(60)).unwrap_or_else(|e| panic!("{e:?}"));
    let lines: Vec<_> = t.pages.iter().flat_map(govreport::layout::lines).collect();
    print!("{}", govreport::layout::render(&lines));
}
