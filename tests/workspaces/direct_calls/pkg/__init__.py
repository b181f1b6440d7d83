"""A package whose submodule is imported with `as`."""
