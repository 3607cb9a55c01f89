//! WebAssembly bindings of `ctg-core`: a thin layer that converts values and errors.
//! (Built out in the widget issue.)
