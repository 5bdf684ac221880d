pub mod batch;
pub mod bench;
pub mod cluster;
pub mod eval;
pub mod figures;
pub mod methods;
pub mod summarize;
pub mod train;
