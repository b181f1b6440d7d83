//! Running analyses off the main loop: on a database snapshot, on a blocking worker thread,
//! with salsa cancellation and panics caught.
//!
//! **Invariant:** a worker holding a snapshot never takes the server's state lock. Setting an
//! input on the master database (under that lock) waits until every snapshot is dropped;
//! the workers notice the pending write at their next query (salsa unwinds them with
//! `Cancelled`) and drop their snapshot, so the write proceeds within one query's time.

use std::panic::{AssertUnwindSafe, catch_unwind};

use molt_db::RootDatabase;

/// Why an analysis produced no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnalysisError {
    /// A newer edit cancelled it (salsa `Cancelled`): its result would be stale anyway.
    Cancelled,
    /// It panicked; the message of the panic. The server stays up.
    Panicked(String),
}

impl std::fmt::Display for AnalysisError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnalysisError::Cancelled => f.write_str("cancelled by a newer edit"),
            AnalysisError::Panicked(message) => write!(f, "internal error: {message}"),
        }
    }
}

/// Runs `f` on the snapshot `db` on a blocking worker thread (`tokio::task::spawn_blocking`)
/// and drops the snapshot before returning.
///
/// # Errors
/// [`AnalysisError::Cancelled`] when an input changed meanwhile, [`AnalysisError::Panicked`]
/// when `f` panicked.
pub async fn run<T, F>(db: RootDatabase, f: F) -> Result<T, AnalysisError>
where
    T: Send + 'static,
    F: FnOnce(&RootDatabase) -> T + Send + 'static,
{
    let task = tokio::task::spawn_blocking(move || {
        let result = catch(|| f(&db));
        drop(db);
        result
    });
    match task.await {
        Ok(result) => result,
        Err(error) => Err(AnalysisError::Panicked(error.to_string())),
    }
}

/// Runs `f` on the current thread, turning salsa cancellation and panics into errors.
///
/// # Errors
/// As [`run`].
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, AnalysisError> {
    match catch_unwind(AssertUnwindSafe(|| {
        salsa::Cancelled::catch(AssertUnwindSafe(f))
    })) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(_cancelled)) => Err(AnalysisError::Cancelled),
        Err(payload) => Err(AnalysisError::Panicked(panic_message(payload.as_ref()))),
    }
}

/// The message of a panic payload (`&str` or `String`; anything else is described).
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-string payload".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_become_errors() {
        let r: Result<(), _> = catch(|| panic!("boom"));
        assert_eq!(r, Err(AnalysisError::Panicked("boom".into())));
        assert_eq!(catch(|| 3), Ok(3));
    }
}
