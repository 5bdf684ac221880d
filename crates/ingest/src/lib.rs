//! chorus-ingest
