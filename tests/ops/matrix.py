"""Authorisation matrix of the operations URLs (merged into MATRIX by tests/test_authorization_matrix.py)."""

from tests.matrix import Case, public

MATRIX_OPS = {
    "healthz": Case(public()),  # load balancers probe it without a session
}
