"""Registry outputs of a ``pathspan run`` folder: a flat CSV and FHIR R4 bundles.

See ``docs/export.md`` for the column contract and the FHIR mapping table.
"""

from .csv_export import CSV_COLUMNS, export_csv, read_csv_export, record_row, write_csv
from .fhir_export import (
    export_fhir,
    fhir_id,
    read_fhir_bundle,
    read_fhir_report,
    record_to_bundle,
    write_bundles,
)
from .results import iter_results, review_status_reader

__all__ = [
    "CSV_COLUMNS",
    "export_csv",
    "export_fhir",
    "fhir_id",
    "iter_results",
    "read_csv_export",
    "read_fhir_bundle",
    "read_fhir_report",
    "record_row",
    "record_to_bundle",
    "review_status_reader",
    "write_bundles",
    "write_csv",
]
