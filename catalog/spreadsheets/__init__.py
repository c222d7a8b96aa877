"""Spreadsheet (CSV/XLSX) export and import of a cooperative's catalog, one row per variant."""
