//! chorus-segment
