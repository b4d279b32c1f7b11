"""Tools for contributors and editors: new entries, the issue form, link checks, warnings, hints."""
