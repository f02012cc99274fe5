"""The ledger over HTTP: a read-only REST API and a server-rendered page with map and timeline."""
