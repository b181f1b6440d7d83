//! The language server: LSP over stdio (`tower-lsp-server` on tokio), one salsa database per
//! workspace folder, diagnostics after every change, build on save, commands.
//!
//! Layout (one module per concern; `Server` methods live next to the feature they serve):
//! - `mod.rs`: start-up and exit codes, [`Server`], capabilities, the `LanguageServer` trait
//!   (thin: it dispatches), settings changes, the helper that runs a request on a snapshot.
//! - `state.rs`: settings, workspaces, open documents, file revisions, behind one lock.
//! - `documents.rs`: didOpen/didChange/didClose and publishing diagnostics.
//! - `watch.rs`: scanning folders and applying changes made outside the editor.
//! - `editor_api.rs`: custom requests for editor extensions (`molt/fileCoverage`,
//!   `molt/profileHeat`).
//! - `builds.rs` / `commands.rs`: build on save, `molt.build`, `molt.run`,
//!   `molt.runProfiled`, `molt.showIr`.
//! - `profiles.rs`: profiles (`<outDir>/**/*.profile.json` and their site maps) read through
//!   `molt_profiler`, reloaded when a run writes them; `profile_view.rs` places one in a
//!   file's current text (or marks it stale) for the features below.
//! - Analyses over `(db, file)` in compiler terms (byte offsets): `diagnostics.rs`,
//!   `hover.rs`, `symbols.rs`, `navigation.rs` (definition), `inlay_hints.rs`,
//!   `code_lens.rs`, `semantic_tokens.rs`, `code_actions.rs`, over `facts.rs` (types, lanes
//!   and variables located in the file; a cached query) and `molt_driver::report` (remarks
//!   and coverage; a cached query), and over the file's `profile_view::ProfileView` when it
//!   has a profile. `text.rs` converts offsets to LSP positions.
//!
//! **Invariant:** requests and notifications never block the main loop on analysis: queries
//! run on snapshots on blocking worker threads (`analysis::run`), cancelled by newer edits;
//! a panic in one analysis becomes an error response (and a log message), never an exit.

pub mod analysis;
pub mod attributes;
pub mod builds;
pub mod code_actions;
pub mod code_lens;
pub mod commands;
pub mod cross_module;
pub mod diagnostics;
pub mod documents;
pub mod editor_api;
pub mod facts;
pub mod hover;
pub mod inlay_hints;
pub mod navigation;
pub mod profile_view;
pub mod profiles;
pub mod semantic_tokens;
pub mod settings;
pub mod state;
pub mod symbols;
pub mod text;
pub mod transport;
pub mod watch;
pub mod workspace;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use molt_db::{RootDatabase, SourceFile};
use serde_json::Value;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};
use tower_lsp_server::jsonrpc::{self, Result as RpcResult};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService};

use self::analysis::AnalysisError;
use self::builds::Builds;
use self::state::{State, path_of};
use self::watch::WatchEvent;
use self::workspace::Workspace;

/// How many messages the transport handles concurrently. Notifications that change text
/// apply their change before their first `.await`, so they take effect in arrival order
/// whatever this is; it only needs to be large enough that slow requests (a `molt.run`)
/// do not hold up edits.
const CONCURRENCY: usize = 32;

/// Stack of the server's threads (bytes), as the CLI's (`main.rs`): deep but valid nesting
/// must not overflow an analysis.
const ANALYSIS_STACK: usize = 512 << 20;

/// Serves the Language Server Protocol on stdin/stdout until `exit`. The exit code is 0
/// after `shutdown` then `exit`, 1 when the client exits (or closes the stream) without
/// `shutdown`, 2 when the runtime cannot start.
pub fn run_stdio() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("molt-lsp")
        // Analyses run on these threads (blocking tasks too): see `ANALYSIS_STACK`.
        .thread_stack_size(ANALYSIS_STACK)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("molt-lsp: cannot start the async runtime: {error}");
            return ExitCode::from(2);
        }
    };
    let shutdown_requested = Arc::new(AtomicBool::new(false));
    let flag = shutdown_requested.clone();
    runtime.block_on(async move {
        let (service, socket) = LspService::build(move |client| Server::new(client, flag))
            .custom_method(editor_api::FILE_COVERAGE, Server::file_coverage_request)
            .custom_method(editor_api::PROFILE_HEAT, Server::profile_heat_request)
            .finish();
        let exit = Arc::new(tokio::sync::Notify::new());
        let service = ExitSignal {
            inner: service,
            exit: exit.clone(),
        };
        // The service talks to in-process pipes; `transport::relay` validates what the
        // client sends (one malformed message is answered, not fatal) and writes stdout.
        let (service_input, to_service, from_service, service_output) = transport::pipes();
        let relay = tokio::spawn(transport::relay(
            tokio::io::stdin(),
            tokio::io::stdout(),
            to_service,
            from_service,
        ));
        let serve = tower_lsp_server::Server::new(service_input, service_output, socket)
            .concurrency_level(CONCURRENCY)
            .serve(service);
        // `serve` returns after `exit` only once every handler has finished, and a handler
        // may be waiting for the client (which stops reading after `exit`) or for a running
        // program: the process must end at `exit` whatever is in flight.
        let input_ended = tokio::select! {
            () = serve => true,
            () = exit.notified() => false,
        };
        if input_ended {
            // The client closed the stream: let the relay write what the service answered.
            let _ = tokio::time::timeout(std::time::Duration::from_millis(500), relay).await;
        }
    });
    // Builds or programs still running must not keep the process alive after `exit`.
    runtime.shutdown_background();
    if shutdown_requested.load(Ordering::SeqCst) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Wraps the LSP service to signal when the `exit` notification arrives.
struct ExitSignal<S> {
    inner: S,
    exit: Arc<tokio::sync::Notify>,
}

impl<S> tower_service::Service<jsonrpc::Request> for ExitSignal<S>
where
    S: tower_service::Service<jsonrpc::Request>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: jsonrpc::Request) -> Self::Future {
        let exit = request.method() == "exit";
        let future = self.inner.call(request);
        if exit {
            self.exit.notify_one();
        }
        future
    }
}

/// The language server. Cheap to clone (a client handle and an `Arc`): background tasks own
/// a clone.
#[derive(Clone)]
pub struct Server {
    client: Client,
    shared: Arc<Shared>,
}

struct Shared {
    state: Mutex<State>,
    /// Serializes publishing, so that a check of a file's revision and the publication of
    /// its diagnostics are atomic (results never go backwards).
    publish: tokio::sync::Mutex<()>,
    builds: Builds,
    /// Background analyses (files changed on disk) run one at a time.
    background: tokio::sync::Semaphore,
    /// Serializes reading the disk into the workspaces (a workspace folder's load, a batch
    /// of watcher events): each reads and applies what it read as one step, so that an
    /// older read is never applied over a newer one.
    disk: tokio::sync::Mutex<()>,
    /// Serializes reading profiles into the profile store, for the same reason.
    profile_reads: tokio::sync::Mutex<()>,
    shutdown_requested: Arc<AtomicBool>,
    watch_events: UnboundedSender<WatchEvent>,
    watch_receiver: Mutex<Option<UnboundedReceiver<WatchEvent>>>,
}

impl Server {
    fn new(client: Client, shutdown_requested: Arc<AtomicBool>) -> Server {
        let (watch_events, watch_receiver) = unbounded_channel();
        Server {
            client,
            shared: Arc::new(Shared {
                state: Mutex::new(State::default()),
                publish: tokio::sync::Mutex::new(()),
                builds: Builds::default(),
                background: tokio::sync::Semaphore::new(1),
                disk: tokio::sync::Mutex::new(()),
                profile_reads: tokio::sync::Mutex::new(()),
                shutdown_requested,
                watch_events,
                watch_receiver: Mutex::new(Some(watch_receiver)),
            }),
        }
    }

    /// Locks the state. A panic while the lock was held (which analyses never do: they run
    /// on snapshots) does not poison the server: the state is used as it is.
    pub fn state(&self) -> MutexGuard<'_, State> {
        self.shared
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The current settings.
    pub fn settings(&self) -> settings::Settings {
        self.state().settings.clone()
    }

    /// `window/logMessage`.
    pub async fn log(&self, typ: MessageType, message: impl std::fmt::Display) {
        self.client.log_message(typ, message).await;
    }

    /// `window/showMessage`.
    pub async fn show(&self, typ: MessageType, message: impl std::fmt::Display) {
        self.client.show_message(typ, message).await;
    }

    /// Runs `f` on a snapshot of the document at `uri` on a worker thread. `Ok(None)` for
    /// an unknown document; a cancelled analysis is `ContentModified`, a panic an internal
    /// error (logged), as the protocol asks.
    pub async fn on_document<T, F>(&self, uri: &Uri, f: F) -> RpcResult<Option<T>>
    where
        T: Send + 'static,
        F: FnOnce(&RootDatabase, SourceFile) -> T + Send + 'static,
    {
        let path = path_of(uri);
        let Some(snapshot) = self.state().snapshot(&path) else {
            return Ok(None);
        };
        let file = snapshot.file;
        match analysis::run(snapshot.db, move |db| f(db, file)).await {
            Ok(value) => Ok(Some(value)),
            Err(AnalysisError::Cancelled) => Err(jsonrpc::Error::content_modified()),
            Err(error @ AnalysisError::Panicked(_)) => {
                self.log(
                    MessageType::ERROR,
                    format!("molt: request on {} failed: {error}", uri.as_str()),
                )
                .await;
                Err(jsonrpc::Error {
                    code: jsonrpc::ErrorCode::InternalError,
                    message: error.to_string().into(),
                    data: None,
                })
            }
        }
    }

    /// Applies a settings object (see `settings`), reporting invalid values to the user and
    /// unknown keys to the log. Returns whether the settings changed.
    async fn apply_settings(&self, value: &Value) -> bool {
        let (problems, changed) = {
            let mut state = self.state();
            let before = state.settings.clone();
            let problems = state.settings.update(value);
            (problems, state.settings != before)
        };
        for message in problems.invalid {
            self.show(MessageType::WARNING, message).await;
        }
        if !problems.unknown.is_empty() {
            self.log(
                MessageType::INFO,
                format!(
                    "molt: ignoring unknown settings: {}",
                    problems.unknown.join(", ")
                ),
            )
            .await;
        }
        changed
    }

    /// Pulls the `molt` section with `workspace/configuration` (when the client supports
    /// it) and applies it. A `null` answer changes nothing.
    async fn pull_configuration(&self) -> bool {
        if !self.state().client.configuration {
            return false;
        }
        let item = ConfigurationItem {
            scope_uri: None,
            section: Some("molt".to_owned()),
        };
        match self.client.configuration(vec![item]).await {
            Ok(values) => match values.into_iter().next() {
                Some(value) => self.apply_settings(&value).await,
                None => false,
            },
            Err(error) => {
                self.log(
                    MessageType::WARNING,
                    format!("molt: workspace/configuration failed: {error}"),
                )
                .await;
                false
            }
        }
    }

    fn capabilities() -> ServerCapabilities {
        ServerCapabilities {
            position_encoding: Some(PositionEncodingKind::UTF16),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    will_save: None,
                    will_save_wait_until: None,
                    save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                        include_text: Some(false),
                    })),
                },
            )),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            definition_provider: Some(OneOf::Left(true)),
            document_symbol_provider: Some(OneOf::Left(true)),
            inlay_hint_provider: Some(OneOf::Left(true)),
            code_lens_provider: Some(CodeLensOptions {
                resolve_provider: Some(false),
            }),
            semantic_tokens_provider: Some(
                SemanticTokensOptions {
                    work_done_progress_options: WorkDoneProgressOptions::default(),
                    legend: semantic_tokens::legend(),
                    range: Some(true),
                    full: Some(SemanticTokensFullOptions::Bool(true)),
                }
                .into(),
            ),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                work_done_progress_options: WorkDoneProgressOptions::default(),
                resolve_provider: Some(false),
            })),
            execute_command_provider: Some(ExecuteCommandOptions {
                commands: commands::ALL.iter().map(|c| (*c).to_owned()).collect(),
                work_done_progress_options: WorkDoneProgressOptions::default(),
            }),
            workspace: Some(WorkspaceServerCapabilities {
                workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                    supported: Some(true),
                    change_notifications: Some(OneOf::Left(true)),
                }),
                file_operations: None,
            }),
            ..ServerCapabilities::default()
        }
    }
}

/// The workspace folders of an `initialize` request: `workspaceFolders`, else the
/// deprecated `rootUri`.
#[allow(deprecated)]
fn initial_roots(params: &InitializeParams) -> Vec<PathBuf> {
    match &params.workspace_folders {
        Some(folders) if !folders.is_empty() => folders.iter().map(|f| path_of(&f.uri)).collect(),
        _ => params.root_uri.iter().map(path_of).collect(),
    }
}

impl LanguageServer for Server {
    async fn initialize(&self, params: InitializeParams) -> RpcResult<InitializeResult> {
        let capabilities = &params.capabilities;
        let support = state::ClientSupport {
            work_done_progress: capabilities
                .window
                .as_ref()
                .and_then(|w| w.work_done_progress)
                .unwrap_or(false),
            configuration: capabilities
                .workspace
                .as_ref()
                .and_then(|w| w.configuration)
                .unwrap_or(false),
            did_change_configuration_registration: capabilities
                .workspace
                .as_ref()
                .and_then(|w| w.did_change_configuration.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
            code_lens_refresh: capabilities
                .workspace
                .as_ref()
                .and_then(|w| w.code_lens.as_ref())
                .and_then(|c| c.refresh_support)
                .unwrap_or(false),
            inlay_hint_refresh: capabilities
                .workspace
                .as_ref()
                .and_then(|w| w.inlay_hint.as_ref())
                .and_then(|c| c.refresh_support)
                .unwrap_or(false),
        };
        {
            let mut state = self.state();
            state.client = support;
            if let Some(options) = &params.initialization_options {
                let problems = state.settings.update(options);
                for message in problems.invalid {
                    state.pending_messages.push((MessageType::WARNING, message));
                }
                if !problems.unknown.is_empty() {
                    let message = format!(
                        "molt: ignoring unknown initializationOptions: {}",
                        problems.unknown.join(", ")
                    );
                    state.pending_messages.push((MessageType::LOG, message));
                }
            }
            for root in initial_roots(&params) {
                state.workspaces.push(Workspace::new(Some(root)));
            }
        }
        Ok(InitializeResult {
            capabilities: Server::capabilities(),
            server_info: Some(ServerInfo {
                name: "molt-lsp".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let (pending, support, roots) = {
            let mut state = self.state();
            let roots: Vec<PathBuf> = state
                .workspaces
                .iter()
                .filter_map(|ws| ws.root.clone())
                .collect();
            (
                std::mem::take(&mut state.pending_messages),
                state.client,
                roots,
            )
        };
        for (typ, message) in pending {
            if typ == MessageType::LOG {
                self.log(typ, message).await;
            } else {
                self.show(typ, message).await;
            }
        }
        if let Some(receiver) = self
            .shared
            .watch_receiver
            .lock()
            .ok()
            .and_then(|mut r| r.take())
        {
            tokio::spawn(self.clone().process_watch_events(receiver));
        }
        for root in roots {
            tokio::spawn(self.clone().load_workspace(root));
        }
        if support.did_change_configuration_registration {
            let registration = Registration {
                id: "molt-did-change-configuration".to_owned(),
                method: "workspace/didChangeConfiguration".to_owned(),
                register_options: None,
            };
            if let Err(error) = self.client.register_capability(vec![registration]).await {
                self.log(
                    MessageType::LOG,
                    format!("molt: registration failed: {error}"),
                )
                .await;
            }
        }
        if self.pull_configuration().await {
            // Documents opened meanwhile were checked, and workspace folders loaded, with
            // the settings from before.
            self.watch_output_folders().await;
            self.refresh_overlays().await;
        }
        self.log(MessageType::INFO, "molt-lsp ready").await;
    }

    async fn shutdown(&self) -> RpcResult<()> {
        self.shared.shutdown_requested.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        self.open_document(params).await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        self.change_document(params).await;
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        if self.settings().build_on_save != settings::BuildOnSave::Off {
            let path = path_of(&params.text_document.uri);
            if workspace::is_python_file(&path) {
                self.supersede_builds(&path);
                let server = self.clone();
                tokio::spawn(async move { server.build_on_save(path).await });
            }
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        self.close_document(params).await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let mut changed = self.apply_settings(&params.settings).await;
        changed |= self.pull_configuration().await;
        if changed {
            // `outDir` may have changed: its profiles are read and watched.
            self.watch_output_folders().await;
            self.refresh_overlays().await;
        }
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        self.change_workspace_folders(params.event).await;
    }

    async fn hover(&self, params: HoverParams) -> RpcResult<Option<Hover>> {
        let position = params.text_document_position_params.position;
        let uri = params.text_document_position_params.text_document.uri;
        let (profile, paths) = {
            let state = self.state();
            let path = path_of(&uri);
            (state.profile_input(&path), state.import_paths(&path))
        };
        let result = self
            .on_document(&uri, move |db, file| {
                let text = file.text(db);
                let offset = text::LineIndex::new(text).offset(text, position);
                let view = profile.map(|p| profile_view::view(db, file, &p));
                hover::hover(db, file, offset, &paths, view.as_ref())
            })
            .await?;
        Ok(result.flatten().map(|markdown| Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: markdown,
            }),
            range: None,
        }))
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> RpcResult<Option<GotoDefinitionResponse>> {
        let position = params.text_document_position_params.position;
        let uri = params.text_document_position_params.text_document.uri;
        let target = uri.clone();
        let paths = self.state().import_paths(&path_of(&uri));
        let result = self
            .on_document(&uri, move |db, file| {
                let text = file.text(db);
                let index = text::LineIndex::new(text);
                let offset = index.offset(text, position);
                // Through imports into another module first.
                if let Some((other, range)) = cross_module::definition(db, file, offset, &paths) {
                    let other_text = other.text(db);
                    let other_index = text::LineIndex::new(other_text);
                    let uri = Uri::from_file_path(other.path(db))?;
                    return Some(Location::new(uri, other_index.range(other_text, range)));
                }
                // An attribute of a class known from its receiver (`self.x`, `v.method`).
                if let Some(found) = attributes::definition(db, file, offset, &paths) {
                    let found_text = found.file.text(db);
                    let found_index = text::LineIndex::new(found_text);
                    let uri = Uri::from_file_path(found.file.path(db))?;
                    return Some(Location::new(
                        uri,
                        found_index.range(found_text, found.range),
                    ));
                }
                let parsed = molt_db::parse(db, file);
                let module = parsed.parsed().syntax();
                let at = navigation::name_at(module, offset)?;
                let range = navigation::resolve(module, &at)?.name_range()?;
                Some(Location::new(target, index.range(text, range)))
            })
            .await?;
        Ok(result.flatten().map(GotoDefinitionResponse::Scalar))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> RpcResult<Option<DocumentSymbolResponse>> {
        let result = self
            .on_document(&params.text_document.uri, |db, file| {
                symbols::document_symbols(db, file)
            })
            .await?;
        Ok(result.map(DocumentSymbolResponse::Nested))
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> RpcResult<Option<Vec<InlayHint>>> {
        let range = params.range;
        let profile = self
            .state()
            .profile_input(&path_of(&params.text_document.uri));
        self.on_document(&params.text_document.uri, move |db, file| {
            let text = file.text(db);
            let index = text::LineIndex::new(text);
            let view = profile.map(|p| profile_view::view(db, file, &p));
            let hints =
                inlay_hints::inlay_hints(db, file, index.text_range(text, range), view.as_ref());
            inlay_hints::to_lsp(text, &index, hints)
        })
        .await
    }

    async fn code_lens(&self, params: CodeLensParams) -> RpcResult<Option<Vec<CodeLens>>> {
        let uri = params.text_document.uri;
        let argument = Value::String(uri.as_str().to_owned());
        let (settings, profile) = {
            let state = self.state();
            (state.settings.clone(), state.profile_input(&path_of(&uri)))
        };
        self.on_document(&uri, move |db, file| {
            let text = file.text(db);
            let index = text::LineIndex::new(text);
            let view = profile.map(|p| profile_view::view(db, file, &p));
            code_lens::code_lenses(db, file, &settings, view.as_ref())
                .into_iter()
                .map(|lens| CodeLens {
                    range: index.range(text, lens.range),
                    command: Some(Command {
                        title: lens.title,
                        command: lens.action.command().unwrap_or_default().to_owned(),
                        arguments: lens.action.command().map(|_| vec![argument.clone()]),
                    }),
                    data: None,
                })
                .collect()
        })
        .await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> RpcResult<Option<SemanticTokensResult>> {
        let result = self
            .on_document(&params.text_document.uri, |db, file| {
                let text = file.text(db);
                let index = text::LineIndex::new(text);
                semantic_tokens::encode(text, &index, semantic_tokens::semantic_tokens(db, file))
            })
            .await?;
        Ok(result.map(|data| {
            SemanticTokensResult::Tokens(SemanticTokens {
                result_id: None,
                data,
            })
        }))
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> RpcResult<Option<SemanticTokensRangeResult>> {
        let range = params.range;
        let result = self
            .on_document(&params.text_document.uri, move |db, file| {
                let text = file.text(db);
                let index = text::LineIndex::new(text);
                let tokens = semantic_tokens::in_range(
                    semantic_tokens::semantic_tokens(db, file),
                    index.text_range(text, range),
                );
                semantic_tokens::encode(text, &index, tokens)
            })
            .await?;
        Ok(result.map(|data| {
            SemanticTokensRangeResult::Tokens(SemanticTokens {
                result_id: None,
                data,
            })
        }))
    }

    async fn code_action(&self, params: CodeActionParams) -> RpcResult<Option<CodeActionResponse>> {
        let wants_quickfix = params.context.only.as_ref().is_none_or(|only| {
            only.iter().any(|k| {
                k == &CodeActionKind::QUICKFIX
                    || CodeActionKind::QUICKFIX
                        .as_str()
                        .starts_with(&format!("{}.", k.as_str()))
            })
        });
        if !wants_quickfix {
            return Ok(None);
        }
        let uri = params.text_document.uri;
        let target = uri.clone();
        let range = params.range;
        let (settings, profile) = {
            let state = self.state();
            (state.settings.clone(), state.profile_input(&path_of(&uri)))
        };
        let result = self
            .on_document(&uri, move |db, file| {
                let text = file.text(db);
                let index = text::LineIndex::new(text);
                let view = profile.map(|p| profile_view::view(db, file, &p));
                code_actions::code_actions(
                    db,
                    file,
                    &target,
                    index.text_range(text, range),
                    &settings,
                    view.as_ref(),
                )
            })
            .await?;
        Ok(result.map(|actions| {
            actions
                .into_iter()
                .map(CodeActionOrCommand::CodeAction)
                .collect()
        }))
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> RpcResult<Option<Value>> {
        self.execute(params).await
    }
}
