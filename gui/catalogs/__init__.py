"""The catalog registers shown as tabs of the "Danh mục" screen (gui.pages.catalogs)."""
