"""Loopback fakes of the carriers' APIs (CDEK v2, Russian Post Otpravka + tracking), built from
their documented samples (carriers-notes.md), with faults on demand. Used by the demo and the tests."""
