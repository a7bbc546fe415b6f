//! The golden diff: a record compared with its expected record, field by field.

use serde_json::Value;

/// One difference, at a JSON path.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// Where, e.g. `tables.applications.rows.granted[0]`.
    pub path: String,
    /// What the golden says.
    pub expected: String,
    /// What the record says.
    pub got: String,
}

/// Compares `actual` with `expected`: only keys the golden has are compared; arrays of
/// objects are compared as sets (order ignored, each element matched once, extras
/// reported); `{"$contains": [...]}` in a golden asks only that the listed elements be
/// present; other arrays are compared element by element; numbers exactly.
pub fn diff(expected: &Value, actual: &Value) -> Vec<Difference> {
    let mut out = Vec::new();
    walk(expected, actual, String::new(), &mut out);
    out
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn walk(expected: &Value, actual: &Value, path: String, out: &mut Vec<Difference>) {
    match (expected, actual) {
        (Value::Object(e), Value::Array(a)) if e.len() == 1 && e.contains_key("$contains") => {
            for item in e["$contains"].as_array().into_iter().flatten() {
                if !a.iter().any(|av| diff(item, av).is_empty()) {
                    out.push(differ(format!("{path}[]"), item, "(no such element)"));
                }
            }
        }
        (Value::Object(e), Value::Object(a)) => {
            for (key, ev) in e {
                match a.get(key) {
                    Some(av) => walk(ev, av, join(&path, key), out),
                    None => out.push(differ(join(&path, key), ev, "(absent)")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.iter().all(Value::is_object) && !e.is_empty() => {
            set(e, a, &path, out)
        }
        (Value::Array(e), Value::Array(a)) => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                walk(ev, av, format!("{path}[{i}]"), out);
            }
            if e.len() != a.len() {
                out.push(Difference {
                    path: format!("{path}.length"),
                    expected: e.len().to_string(),
                    got: a.len().to_string(),
                });
            }
        }
        (Value::Number(e), Value::Number(a)) if e.as_f64() == a.as_f64() => {}
        (e, a) if e == a => {}
        (e, a) => out.push(differ(path, e, &a.to_string())),
    }
}

fn differ(path: String, expected: &Value, got: &str) -> Difference {
    Difference {
        path,
        expected: expected.to_string(),
        got: got.to_string(),
    }
}

/// Matches each expected object with a distinct actual one that has no difference from it.
fn set(expected: &[Value], actual: &[Value], path: &str, out: &mut Vec<Difference>) {
    let mut used = vec![false; actual.len()];
    for e in expected {
        let found = (0..actual.len()).find(|&i| !used[i] && diff(e, &actual[i]).is_empty());
        match found {
            Some(i) => used[i] = true,
            None => out.push(differ(format!("{path}[]"), e, "(no such element)")),
        }
    }
    let keys: Vec<&String> = expected
        .iter()
        .filter_map(Value::as_object)
        .flat_map(|o| o.keys())
        .collect();
    for (a, _) in actual.iter().zip(&used).filter(|(_, u)| !**u) {
        let shown: serde_json::Map<String, Value> = a
            .as_object()
            .map(|o| {
                o.iter()
                    .filter(|(k, _)| keys.contains(k))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect()
            })
            .unwrap_or_default();
        out.push(Difference {
            path: format!("{path}[]"),
            expected: "(no such element)".into(),
            got: Value::Object(shown).to_string(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unchanged_records_match_and_omitted_fields_are_ignored() {
        let actual = json!({"a": 1, "b": {"c": [1, 2]}, "extra": true});
        assert!(diff(&json!({"a": 1, "b": {"c": [1, 2]}}), &actual).is_empty());
    }

    #[test]
    fn a_changed_value_is_reported_with_its_path() {
        let d = diff(
            &json!({"rows": {"granted": [0, 1]}}),
            &json!({"rows": {"granted": [4, 1]}}),
        );
        assert_eq!(
            d,
            vec![Difference {
                path: "rows.granted[0]".into(),
                expected: "0".into(),
                got: "4".into()
            }]
        );
    }

    #[test]
    fn a_missing_row_is_reported() {
        let d = diff(&json!({"rows": {"granted": [0]}}), &json!({"rows": {}}));
        assert_eq!(d[0].path, "rows.granted");
        assert_eq!(d[0].got, "(absent)");
    }

    #[test]
    fn lists_of_objects_are_sets() {
        let e = json!([{"date": "2021-01-08"}, {"date": "2021-03-15"}]);
        let a = json!([{"date": "2021-03-15", "page": 1}, {"date": "2021-01-08", "page": 1}]);
        assert!(diff(&e, &a).is_empty());
        let a = json!([{"date": "2021-03-15"}, {"date": "2021-04-01"}]);
        assert_eq!(diff(&e, &a).len(), 2);
    }

    #[test]
    fn contains_asks_only_for_the_listed_elements() {
        let e = json!({"counts": {"$contains": [{"value": 294}]}});
        assert!(diff(&e, &json!({"counts": [{"value": 1}, {"value": 294}]})).is_empty());
        assert_eq!(diff(&e, &json!({"counts": [{"value": 1}]})).len(), 1);
    }

    #[test]
    fn numbers_compare_exactly_by_value() {
        assert!(diff(&json!(7730.28), &json!(7730.28)).is_empty());
        assert!(diff(&json!(21), &json!(21.0)).is_empty());
        assert_eq!(diff(&json!(21), &json!(21.5)).len(), 1);
    }
}
