//! chorus-figures
