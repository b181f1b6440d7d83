//! `docs/remarks.md` agrees with the crate: one section per catalog rule, reachable at the
//! anchor `help_uri` links to; the JSON example is a valid report, and the text examples are
//! what `to_text` and `coverage_text` print for it.

use molt_remarks::*;

fn docs() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/remarks.md"))
        .expect("docs/remarks.md")
}

/// A piece of Markdown: a heading, a fenced code block (with its language), or a prose line.
#[derive(Debug)]
enum Block {
    Heading { level: usize, text: String },
    Code { lang: String, body: String },
    Prose(String),
}

/// Headings, fenced code blocks and prose lines, in order (`#` lines inside fences are code).
fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut lines = markdown.lines();
    while let Some(line) = lines.next() {
        if let Some(lang) = line.strip_prefix("```") {
            let mut body = String::new();
            for inner in lines.by_ref() {
                if inner.starts_with("```") {
                    break;
                }
                body.push_str(inner);
                body.push('\n');
            }
            out.push(Block::Code {
                lang: lang.trim().to_string(),
                body,
            });
        } else if line.starts_with('#') {
            let level = line.chars().take_while(|&c| c == '#').count();
            out.push(Block::Heading {
                level,
                text: line[level..].trim().to_string(),
            });
        } else {
            out.push(Block::Prose(line.to_string()));
        }
    }
    out
}

/// GitHub's heading anchor (github-slugger): the heading's text (Markdown code backquotes are
/// not text), lowercased, with characters other than letters, digits, spaces, `-` and `_`
/// removed and spaces turned into `-`.
fn github_anchor(heading: &str) -> String {
    heading
        .replace('`', "")
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The blocks of the section under `### heading` (up to the next heading).
fn section<'a>(blocks: &'a [Block], heading: &str) -> Option<&'a [Block]> {
    let start = blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { level: 3, text } if text == heading))?
        + 1;
    let len = blocks[start..]
        .iter()
        .position(|b| matches!(b, Block::Heading { .. }))
        .unwrap_or(blocks.len() - start);
    Some(&blocks[start..start + len])
}

fn prose(section: &[Block]) -> String {
    section
        .iter()
        .filter_map(|b| match b {
            Block::Prose(p) => Some(p.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn code<'a>(section: &'a [Block], want: &str) -> Vec<&'a str> {
    section
        .iter()
        .filter_map(|b| match b {
            Block::Code { lang, body } if lang == want => Some(body.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn github_anchor_follows_githubs_rules() {
    assert_eq!(github_anchor("`licm.hoisted`"), "licmhoisted");
    assert_eq!(
        github_anchor("JSON schema (version 1)"),
        "json-schema-version-1"
    );
    assert_eq!(github_anchor("SARIF 2.1.0"), "sarif-210");
    assert!(help_uri("licm.hoisted").ends_with("/docs/remarks.md#licmhoisted"));
    assert_eq!(
        help_uri("call.direct.missed"),
        "https://github.com/molt-lsp/molt-lsp/blob/main/docs/remarks.md#calldirectmissed"
    );
}

#[test]
fn every_rule_has_a_section_at_its_help_uri() {
    let docs = docs();
    let blocks = blocks(&docs);
    let anchors: Vec<String> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text, .. } => Some(github_anchor(text)),
            _ => None,
        })
        .collect();
    let mut unique = anchors.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        anchors.len(),
        "duplicate headings get `-1` anchors on GitHub: {anchors:?}"
    );
    for rule in rules() {
        let heading = format!("`{}`", rule.name);
        let uri = help_uri(rule.name);
        let anchor = uri.rsplit_once('#').expect("anchor").1;
        assert_eq!(github_anchor(&heading), anchor, "{}", rule.name);
        assert!(anchors.iter().any(|a| a == anchor), "no heading for {uri}");
        let section = section(&blocks, &heading)
            .unwrap_or_else(|| panic!("docs/remarks.md has no section for {}", rule.name));
        let text = prose(section);
        assert!(
            text.contains(&format!("Pass `{}`", rule.pass)),
            "{}: {text}",
            rule.name
        );
        assert!(
            text.contains(&format!("**Means:** {}", rule.summary)),
            "{}: {text}",
            rule.name
        );
        assert!(
            text.contains(&format!("**What to do:** {}", rule.help)),
            "{}: {text}",
            rule.name
        );
        assert_eq!(
            code(section, "python").len(),
            1,
            "{}: one Python example",
            rule.name
        );
        let output = code(section, "");
        assert_eq!(output.len(), 1, "{}: one remark example", rule.name);
        assert!(
            output[0].contains(&format!(": remark[{}]: ", rule.name)),
            "{}: {}",
            rule.name,
            output[0]
        );
        let missed = text.contains("kind `missed`");
        assert_eq!(
            output[0]
                .lines()
                .next()
                .is_some_and(|l| l.ends_with(" [missed]")),
            missed,
            "{}: missed examples end in [missed]",
            rule.name
        );
    }
}

#[test]
fn every_rule_section_is_in_the_catalog() {
    let docs = docs();
    let blocks = blocks(&docs);
    let documented: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 3, text } => text.strip_prefix('`')?.strip_suffix('`'),
            _ => None,
        })
        .collect();
    let catalog: Vec<&str> = rules().iter().map(|r| r.name).collect();
    assert_eq!(documented, catalog, "same names, same order");
}

/// The JSON, text and coverage examples under "JSON schema" and "Text format".
fn examples() -> (String, String, String) {
    let docs = docs();
    let blocks = blocks(&docs);
    let json = blocks
        .iter()
        .find_map(|b| match b {
            Block::Code { lang, body } if lang == "json" => Some(body.clone()),
            _ => None,
        })
        .expect("a JSON example");
    let text_format = blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { text, .. } if text == "Text format"))
        .expect("Text format section");
    let plain: Vec<String> = blocks[text_format..]
        .iter()
        .filter_map(|b| match b {
            Block::Code { lang, body } if lang.is_empty() => Some(body.clone()),
            _ => None,
        })
        .take(2)
        .collect();
    assert_eq!(plain.len(), 2, "text and coverage examples");
    (json, plain[0].clone(), plain[1].clone())
}

#[test]
fn the_json_example_is_a_complete_report() {
    let (json, _, _) = examples();
    let report = from_json(&json).expect("the documented example parses");
    // Nothing in the example is ignored or missing: writing it back gives the same JSON.
    let written: serde_json::Value = serde_json::from_str(&to_json(&report)).expect("JSON");
    let documented: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(written, documented);
    // It shows every optional field and every kind of location.
    assert!(report.remarks.iter().any(|r| r.hotness.is_some()));
    assert!(report.remarks.iter().any(|r| r.fix.is_some()));
    assert!(report.remarks.iter().any(|r| !r.args.is_empty()));
    assert!(
        report
            .coverage
            .iter()
            .flat_map(|f| &f.ops)
            .any(|o| o.reason.is_none())
    );
    assert!(
        report
            .coverage
            .iter()
            .flat_map(|f| f.dynamic_ops())
            .all(|o| o.reason.is_some())
    );
}

#[test]
fn the_text_examples_are_the_output_for_the_json_example() {
    let (json, text, coverage) = examples();
    let report = from_json(&json).expect("parses");
    assert_eq!(to_text(&report), text);
    // The documented coverage shows source lines after `  | `: without them it is
    // `coverage_text`; with the documented lines as the source, `coverage_text_with_source`.
    let without: String = coverage
        .lines()
        .map(|l| l.split("  | ").next().unwrap_or(l).to_string() + "\n")
        .collect();
    assert_eq!(coverage_text(&report), without);
    let mut source: std::collections::HashMap<(String, u32), String> = Default::default();
    let mut file = String::new();
    for l in coverage.lines() {
        if !l.starts_with(' ') {
            file = l.split(':').next().unwrap_or_default().to_string();
        }
        let Some((entry, excerpt)) = l.split_once("  | ") else {
            continue;
        };
        let line = if let Some(rest) = entry.strip_prefix("    line ") {
            rest.trim_start().split(':').next()
        } else if let Some(rest) = entry.strip_prefix("    dynamic ") {
            rest.split(" at ").nth(1).and_then(|p| p.split(':').next())
        } else {
            entry.split(':').nth(1)
        };
        let line: u32 = line.and_then(|n| n.parse().ok()).expect("a line number");
        source.insert((file.clone(), line), excerpt.to_string());
    }
    assert!(!source.is_empty(), "the example shows source lines");
    let with = coverage_text_with_source(&report, &|f, line| {
        source.get(&(f.to_string(), line)).cloned()
    });
    assert_eq!(with, coverage);
}
