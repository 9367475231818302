"""On-demand performance benchmarks on large synthetic data (PostgreSQL). Not part of the test run."""
