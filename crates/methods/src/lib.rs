//! chorus-methods
