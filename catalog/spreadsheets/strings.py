"""Strings shown by these pages but defined elsewhere, so makemessages puts them in our .po.

The import job's status labels live on the model (``catalog/models/imports.py``).
"""
from django.utils.translation import gettext_noop

STATUS_LABELS = (
    gettext_noop("Waiting to be checked"),
    gettext_noop("Checking the file"),
    gettext_noop("Checked: ready to import"),
    gettext_noop("The file has errors"),
    gettext_noop("Importing"),
    gettext_noop("Imported"),
    gettext_noop("Import failed"),
)
