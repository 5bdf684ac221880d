pub mod batch;
pub mod figures;
pub mod methods;
pub mod summarize;
