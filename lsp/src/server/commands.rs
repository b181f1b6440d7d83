//! `workspace/executeCommand`: `molt.build`, `molt.run`, `molt.runProfiled` and
//! `molt.showIr`.
//!
//! Every command takes the document's URI as its first argument (a string, or an object with
//! a `uri` key). `molt.run` and `molt.runProfiled` take an optional second argument
//! `{"args": [..], "timeoutMs": n}`.
//!
//! Results (JSON):
//! - `molt.build`: `{"artifact": path, "durationMs": n}`;
//! - `molt.run`: `{"artifact", "exitCode" (null if killed), "stdout", "stderr", "timedOut",
//!   "durationMs"}`; the output is also written to the client's log (`window/logMessage`);
//! - `molt.runProfiled`: as `molt.run`, with profiling on: the old profile is removed, the
//!   program runs with `MOLT_PROFILE_JSON=<artifact>.profile.json` (absolute; the path
//!   `molt-lsp --run FILE --profile` uses, beside the build's site map), and the new profile is
//!   read at once and shown (lenses, hints, diagnostics). The result also has `"profile"`:
//!   its path, or `null` when the program wrote none (a message says so);
//! - `molt.showIr`: the optimized MIR of every function of the file, as text (lanes as
//!   trailing `; lane` comments, as `--emit=mir` prints it).
//!
//! A failed build or run is an error response whose message says why.

use std::path::PathBuf;
use std::time::Duration;

use serde_json::{Value, json};
use tower_lsp_server::jsonrpc::{self, Result as RpcResult};
use tower_lsp_server::ls_types::{ExecuteCommandParams, MessageType, Uri};

use super::Server;
use super::builds::{BuildOutcome, Trigger, run_program};
use super::state::path_of;

/// Builds the document into `<workspace>/<outDir>/<folder>/<stem>` (`builds::artifact_path`).
pub const BUILD: &str = "molt.build";
/// Builds the document, then runs it.
pub const RUN: &str = "molt.run";
/// Builds the document, then runs it with profiling and shows the profile.
pub const RUN_PROFILED: &str = "molt.runProfiled";
/// Returns the optimized MIR of the document.
pub const SHOW_IR: &str = "molt.showIr";
/// Every command, as announced in the capabilities.
pub const ALL: [&str; 4] = [BUILD, RUN, RUN_PROFILED, SHOW_IR];

/// How long `molt.run` lets a program run by default.
pub const DEFAULT_RUN_TIMEOUT: Duration = Duration::from_secs(30);

/// Largest output (bytes per stream) written to the client's log by `molt.run`; the command's
/// result has all of it.
const MAX_LOGGED_OUTPUT: usize = 64 * 1024;

fn invalid(message: impl Into<String>) -> jsonrpc::Error {
    jsonrpc::Error::invalid_params(message.into())
}

fn failed(message: impl Into<String>) -> jsonrpc::Error {
    jsonrpc::Error {
        code: jsonrpc::ErrorCode::ServerError(-32000),
        message: message.into().into(),
        data: None,
    }
}

/// The document URI of a command's first argument.
fn uri_argument(arguments: &[Value]) -> RpcResult<Uri> {
    let text = match arguments.first() {
        Some(Value::String(s)) => s.as_str(),
        Some(Value::Object(map)) => map
            .get("uri")
            .and_then(Value::as_str)
            .ok_or_else(|| invalid("expected an object with a `uri` string"))?,
        _ => return Err(invalid("expected the document URI as the first argument")),
    };
    text.parse::<Uri>()
        .map_err(|e| invalid(format!("invalid URI `{text}`: {e}")))
}

fn truncated(text: &str) -> &str {
    if text.len() <= MAX_LOGGED_OUTPUT {
        return text;
    }
    let mut end = MAX_LOGGED_OUTPUT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

impl Server {
    /// Executes a command (see the module docs).
    pub(super) async fn execute(&self, params: ExecuteCommandParams) -> RpcResult<Option<Value>> {
        let uri = uri_argument(&params.arguments)?;
        let path = path_of(&uri);
        if self.state().file(&path).is_none() {
            return Err(invalid(format!("unknown document {}", uri.as_str())));
        }
        match params.command.as_str() {
            BUILD => match self.build(path, Trigger::Command).await {
                BuildOutcome::Built {
                    artifact,
                    duration_ms,
                } => Ok(Some(
                    json!({"artifact": artifact, "durationMs": duration_ms}),
                )),
                BuildOutcome::Failed(message) => Err(failed(message)),
                BuildOutcome::Superseded => Err(failed("superseded by a newer build")),
            },
            command @ (RUN | RUN_PROFILED) => {
                let options = params.arguments.get(1);
                let args: Vec<String> = options
                    .and_then(|o| o.get("args"))
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                let timeout = options
                    .and_then(|o| o.get("timeoutMs"))
                    .and_then(Value::as_u64)
                    .map(Duration::from_millis)
                    .unwrap_or(DEFAULT_RUN_TIMEOUT);
                self.run(path, args, timeout, command == RUN_PROFILED)
                    .await
                    .map(Some)
            }
            SHOW_IR => {
                let ir = self
                    .on_document(&uri, |db, file| molt_driver::emit_mir(db, file))
                    .await?;
                Ok(ir.map(Value::String))
            }
            other => Err(invalid(format!("unknown command `{other}`"))),
        }
    }

    async fn run(
        &self,
        path: PathBuf,
        args: Vec<String>,
        timeout: Duration,
        profiled: bool,
    ) -> RpcResult<Value> {
        let artifact = match self.build(path.clone(), Trigger::Command).await {
            BuildOutcome::Built { artifact, .. } => artifact,
            BuildOutcome::Failed(message) => return Err(failed(message)),
            BuildOutcome::Superseded => return Err(failed("superseded by a newer build")),
        };
        let dir = {
            let state = self.state();
            let ws = state.workspaces.get(state.workspace_for(&path));
            ws.and_then(|ws| ws.root.clone())
                .or_else(|| path.parent().map(PathBuf::from))
                .unwrap_or_else(|| PathBuf::from("."))
        };
        let program = artifact.clone();
        let profile = profiled.then(|| {
            let path = molt_driver::build::profile_path(&artifact);
            std::path::absolute(&path).unwrap_or(path)
        });
        if let Some(profile) = &profile {
            match std::fs::remove_file(profile) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(failed(format!(
                        "cannot remove the old profile {}: {e}",
                        profile.display()
                    )));
                }
            }
        }
        let env_profile = profile.clone();
        let output = tokio::task::spawn_blocking(move || {
            let env: Vec<(&str, &std::ffi::OsStr)> = env_profile
                .iter()
                .map(|p| ("MOLT_PROFILE_JSON", p.as_os_str()))
                .collect();
            run_program(&program, &args, &dir, timeout, &env)
        })
        .await
        .map_err(|e| failed(format!("internal error: {e}")))?
        .map_err(|e| failed(format!("cannot run {}: {e}", artifact.display())))?;
        let name = artifact.display();
        let status = match (output.timed_out, output.exit_code) {
            (true, _) => format!("killed after {} ms (timeout)", output.duration_ms),
            (false, Some(code)) => format!("exit code {code}"),
            (false, None) => "killed by a signal".to_owned(),
        };
        self.log(MessageType::INFO, format!("molt: ran {name}: {status}"))
            .await;
        if !output.stdout.is_empty() {
            self.log(MessageType::LOG, truncated(&output.stdout)).await;
        }
        if !output.stderr.is_empty() {
            self.log(MessageType::WARNING, truncated(&output.stderr))
                .await;
        }
        let mut result = json!({
            "artifact": artifact,
            "exitCode": output.exit_code,
            "stdout": output.stdout,
            "stderr": output.stderr,
            "timedOut": output.timed_out,
            "durationMs": output.duration_ms,
        });
        if let Some(profile) = profile {
            let written = profile.is_file();
            if written {
                // Shown now, without waiting for the file watcher (which may not watch the
                // output folder: a file outside every workspace folder).
                self.reload_profiles(vec![profile.clone()]).await;
            } else {
                self.show(
                    MessageType::WARNING,
                    format!(
                        "molt: the program wrote no profile to {} (killed, or a runtime without profiling support)",
                        profile.display()
                    ),
                )
                .await;
            }
            result["profile"] = if written { json!(profile) } else { Value::Null };
        }
        Ok(result)
    }
}
