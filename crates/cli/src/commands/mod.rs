pub mod batch;
pub mod bench;
pub mod eval;
pub mod figures;
pub mod methods;
pub mod serve;
pub mod summarize;
pub mod train;
