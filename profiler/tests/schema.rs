//! The fixtures, and what this crate writes, are valid against the JSON Schemas of
//! `docs/schemas/`; documents the schemas reject, this crate rejects too.

use molt_profiler::{merge, parse_profile, parse_site_map, profile_to_json, site_map_to_json};
use serde_json::Value;

fn validator(name: &str) -> jsonschema::Validator {
    let path = format!("{}/../docs/schemas/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("schema");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::draft202012::options()
        .build(&schema)
        .expect("schema compiles")
}

fn errors(v: &jsonschema::Validator, text: &str) -> Vec<String> {
    let value: Value = serde_json::from_str(text).expect("JSON");
    v.iter_errors(&value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

const PROFILE: &str = include_str!("data/main.profile.json");
const SITES: &str = include_str!("data/main.sites.json");

#[test]
fn fixtures_follow_the_schemas() {
    assert_eq!(
        errors(&validator("profile-v1.schema.json"), PROFILE),
        Vec::<String>::new()
    );
    assert_eq!(
        errors(&validator("sites-v1.schema.json"), SITES),
        Vec::<String>::new()
    );
}

#[test]
fn what_the_crate_writes_follows_the_schemas() {
    let p = parse_profile(PROFILE).expect("profile");
    let merged = merge(&[p.clone(), p]).expect("merge");
    assert_eq!(
        errors(
            &validator("profile-v1.schema.json"),
            &profile_to_json(&merged)
        ),
        Vec::<String>::new()
    );
    let m = parse_site_map(SITES).expect("sites");
    assert_eq!(
        errors(&validator("sites-v1.schema.json"), &site_map_to_json(&m)),
        Vec::<String>::new()
    );
}

#[test]
fn documents_the_schema_rejects_are_rejected() {
    let profile = validator("profile-v1.schema.json");
    let sites = validator("sites-v1.schema.json");
    let bad_profiles = [
        PROFILE.replace("\"count\": 1 }", "\"count\": 1, \"extra\": 2 }"),
        PROFILE.replace("\"not-int\"", "\"not-a-reason\""),
        PROFILE.replace("3f9a0c2e8b1d4a77", "XYZ"),
        PROFILE.replace("\"kind\": \"normal\"", "\"kind\": \"crash\""),
        PROFILE.replace("\"schema_version\": 1", "\"schema_version\": 2"),
    ];
    for text in &bad_profiles {
        assert!(!errors(&profile, text).is_empty(), "the schema rejects it");
        assert!(parse_profile(text).is_err(), "so does the reader");
    }
    let bad_sites = [
        SITES.replace("\"lane\": \"dynamic\"", "\"lane\": \"fast\""),
        SITES.replace("\"guard\": \"entry\"", "\"guard\": \"other\""),
        SITES.replace("\"opt_level\": 2", "\"opt_level\": 7"),
        SITES.replace("\"column\": 7,", "\"column\": 0,"),
    ];
    for text in &bad_sites {
        assert!(!errors(&sites, text).is_empty(), "the schema rejects it");
        assert!(parse_site_map(text).is_err(), "so does the reader");
    }
}
