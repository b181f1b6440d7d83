//! Compile-time check that the runtime exports every function of the ABI
//! (`molt_abi::for_each_runtime_function!`) with exactly the listed signature: each is
//! coerced to its `extern "C" fn` type, so a missing, renamed or retyped function fails to
//! compile here instead of misbehaving in generated code. Also ties the value words of
//! [`Value`] to `molt_abi::value`.

#[allow(unused_imports)]
use std::ffi::c_char;

use crate::abi::*;
use crate::modules::ModuleEntry;
use crate::object::FunctionCode;
use crate::profile::{ProfileTable, molt_profile_count, molt_profile_init, molt_profile_int_guard};
use crate::value::Value;

macro_rules! check_signatures {
    (
        runtime {
            $( $(#[$attr:meta])* $variant:ident = $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) $(-> $ret:ty)? ; )*
        }
        libc { $($libc:tt)* }
    ) => {
        $(
            const _: unsafe extern "C" fn($($ty),*) $(-> $ret)? = $name;
        )*
    };
}

molt_abi::for_each_runtime_function!(check_signatures);

const _: () = {
    use molt_abi::value;
    assert!(Value::NONE.0 == value::NONE);
    assert!(Value::FALSE.0 == value::FALSE);
    assert!(Value::TRUE.0 == value::TRUE);
    assert!(Value::UNBOUND.0 == value::UNBOUND);
    assert!(Value::ERROR.0 == value::ERROR);
    assert!(Value::EXHAUSTED.0 == value::EXHAUSTED);
};
