//! `GET /v1/example`: the bundled In Amenas cluster (`examples/in-amenas`), embedded in the binary
//! so the page can show a real brief in one click from any working directory.

use axum::Json;
use serde::Serialize;

/// The example's reports, in file-name order as `chorus summarize examples/in-amenas` reads them.
const FILES: [(&str, &str); 4] = [
    ("000_721c9108c0229ec8.txt", include_str!("../../../../examples/in-amenas/000_721c9108c0229ec8.txt")),
    ("001_93b220b4024a8ce0.txt", include_str!("../../../../examples/in-amenas/001_93b220b4024a8ce0.txt")),
    ("002_56d016e4b737b692.txt", include_str!("../../../../examples/in-amenas/002_56d016e4b737b692.txt")),
    ("003_802d9e333d9d6a38.txt", include_str!("../../../../examples/in-amenas/003_802d9e333d9d6a38.txt")),
];

/// A cluster of report files.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ExampleCluster {
    id: &'static str,
    documents: Vec<ExampleFile>,
}

/// One report file.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ExampleFile {
    /// The file name; upload it under this name to get the same document ids as the CLI.
    file: &'static str,
    text: &'static str,
}

/// The bundled example: four reports of the 2013 In Amenas hostage crisis.
#[utoipa::path(get, path = "/v1/example", responses((status = 200, description = "The example's report files", body = ExampleCluster)))]
pub(crate) async fn cluster() -> Json<ExampleCluster> {
    Json(ExampleCluster {
        id: "in-amenas",
        documents: FILES.iter().map(|&(file, text)| ExampleFile { file, text }).collect(),
    })
}
