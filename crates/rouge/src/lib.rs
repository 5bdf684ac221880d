//! chorus-rouge
