"""MLflow tracking: the store (URIs, locks, retries), what runs record, and the model registry."""
