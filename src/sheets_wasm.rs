//! The spreadsheet module for the browser (feature `sheets`, built by `scripts/build-sheets.sh` as
//! `www/pkg/opportunity_matcher_sheets*`): one function that turns a workbook's bytes into the raw
//! table the main module's reader takes. The main module imports it only when a spreadsheet is
//! opened (`Matcher.fromBytes`), so the portal widget never downloads calamine.
//!
//! ```js
//! import init, { readSpreadsheet } from "./pkg/opportunity_matcher_sheets.js";
//! await init();
//! const table = readSpreadsheet(new Uint8Array(await file.arrayBuffer()), file.name); // Uint8Array
//! const m = await Matcher.fromBytes(table, file.name);     // the grid form is recognised
//! ```

use crate::list::read_workbook;
use crate::Lang;
use wasm_bindgen::prelude::*;

/// A workbook (`.xlsx`, `.xls`, `.ods`) as the compact grid bytes of `list::Grid::to_bytes`:
/// every visible sheet, rows numbered as the sheet shows them, merged regions. Throws an `Error`
/// whose message says why a damaged or encrypted file cannot be read.
#[wasm_bindgen(js_name = readSpreadsheet)]
pub fn read_spreadsheet(bytes: &[u8], file_name: &str) -> Result<Vec<u8>, JsError> {
    read_workbook(bytes, file_name).map(|grid| grid.to_bytes()).map_err(|e| JsError::new(&e.message(Lang::En)))
}
