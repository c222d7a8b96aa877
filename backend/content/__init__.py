"""Content pages (EditorJS) and navigation menus, in Saleor's model."""
