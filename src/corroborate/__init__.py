"""Corroborate: a ledger of events and attributed claims from contested conflict news."""

__version__ = "0.1.0"
