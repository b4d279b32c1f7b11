"""Every output by path, the thin MkDocs adapter, the atomic build and the search index."""
