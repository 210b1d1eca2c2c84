//! The reviewed classification table (`tests/classification.tsv`): every project of the bundled list
//! is filed under the node an official would choose, by the most specific word of its name and tags
//! (never by a generic character such as 整机).

use opportunity_matcher::list::load_bytes;
use opportunity_matcher::taxonomy::Taxonomy;

#[test]
fn every_bundled_project_is_filed_where_an_official_would_file_it() {
    let list = load_bytes(include_bytes!("../www/data/opportunity-list.json"), "opportunity-list.json").expect("the bundled list loads");
    let table = include_str!("classification.tsv");
    let t = Taxonomy::global();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for line in table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut cells = line.split('\t');
        let (id, key) = (cells.next().unwrap(), cells.next().expect("a node key"));
        assert!(t.by_key(key).is_some(), "{id}: {key} is not a taxonomy key");
        let p = list.projects.iter().find(|p| p.id == id).unwrap_or_else(|| panic!("{id} is not in the bundled list"));
        let got = t.classify_project(&p.name, &p.sector, &p.tags).primary.map(|n| t.node(n).key.clone());
        if got.as_deref() != Some(key) {
            wrong.push(format!("{id} {}: expected {key}, got {got:?}", p.name));
        }
        checked += 1;
    }
    assert_eq!(checked, list.projects.len(), "the table lists every project of the bundled list");
    assert!(wrong.is_empty(), "{} of {checked} filed elsewhere:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn a_generic_character_never_files_a_project() {
    let t = Taxonomy::global();
    let computers = t.lookup("服务器").unwrap();
    for (name, tags) in
        [("绵阳无人机整机及核心部件项目", ["无人机"]), ("深圳机器人整机制造项目", ["机器人"]), ("风电整机总装项目", ["风电"])]
    {
        let tags: Vec<String> = tags.iter().map(|s| s.to_string()).collect();
        let c = t.classify_project(name, "装备制造", &tags);
        assert!(!c.nodes.contains(&computers), "{name}: {:?}", c.nodes);
        assert_ne!(c.primary, Some(computers), "{name}");
    }
    // A server assembly plant still is one.
    let c = t.classify_project("成华区信创服务器整机项目", "电子信息", &["服务器".to_string()]);
    assert_eq!(c.primary, Some(computers));
}
