"""Views of the patti app, split by concept."""
