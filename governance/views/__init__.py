"""Views of the governance app, one module per screen family."""
