//! `GET /v1/methods`: what can be chosen as `method`, as `chorus methods` lists it.

use axum::Json;
use serde::Serialize;

/// The summarization methods.
#[derive(Serialize, utoipa::ToSchema)]
pub struct MethodList {
    /// The method used when a request names none.
    default: &'static str,
    methods: Vec<MethodInfo>,
}

/// One summarization method.
#[derive(Serialize, utoipa::ToSchema)]
pub struct MethodInfo {
    name: &'static str,
    description: &'static str,
    /// Where the method comes from (a paper, or this project).
    reference: &'static str,
}

/// Lists the summarization methods.
#[utoipa::path(get, path = "/v1/methods", responses((status = 200, description = "The methods", body = MethodList)))]
pub(crate) async fn list() -> Json<MethodList> {
    let methods = chorus::methods::methods()
        .iter()
        .map(|m| MethodInfo { name: m.name(), description: m.description(), reference: m.reference() })
        .collect();
    Json(MethodList { default: chorus::DEFAULT_METHOD, methods })
}
