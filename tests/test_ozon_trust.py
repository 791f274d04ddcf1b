"""The certificates the Ozon client trusts include HARICA's TLS roots: Ozon's API chain moved to the
HARICA root on 2026-06-25 (ozon-api-notes.md §00), and a bundle without it cannot reach Ozon.

The client verifies with requests' defaults: certifi's bundle (pinned in pyproject.toml to a release
that carries HARICA TLS RSA/ECC Root CA 2021), or the bundle REQUESTS_CA_BUNDLE names. The PEM files
are parsed with ``cryptography`` (installed with keyring's SecretStorage back end on Linux).
"""
from __future__ import annotations

import warnings
from datetime import datetime, timezone
from pathlib import Path

import certifi
import requests
from cryptography import x509
from cryptography.utils import CryptographyDeprecationWarning
from cryptography.x509.oid import NameOID

from app.services.ozon.client import OzonClient

OZON = "https://api-seller.ozon.ru/v1/roles"


def harica_roots(bundle: str | Path) -> dict[str, x509.Certificate]:
    """HARICA's TLS root CAs in a PEM bundle, by common name."""
    roots = {}
    with warnings.catch_warnings():  # some old root in the bundles has a serial RFC 5280 disallows: not ours
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        certs = x509.load_pem_x509_certificates(Path(bundle).read_bytes())
    for cert in certs:
        names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        name = str(names[0].value) if names else ""
        if name.startswith("HARICA TLS") and cert.subject == cert.issuer:
            roots[name] = cert
    return roots


def usable(cert: x509.Certificate) -> bool:
    constraints = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    return constraints.ca and cert.not_valid_after_utc > datetime.now(timezone.utc)


def test_requests_default_bundle_is_certifis_and_holds_the_harica_roots():
    assert requests.certs.where() == certifi.where()
    roots = harica_roots(certifi.where())
    assert {"HARICA TLS RSA Root CA 2021", "HARICA TLS ECC Root CA 2021"} <= set(roots)
    assert all(usable(cert) for cert in roots.values())


def test_the_bundle_the_client_verifies_ozon_with_holds_a_harica_root():
    with OzonClient("https://api-seller.ozon.ru", "123456", "key") as client:
        session = client._transport._session
        assert session.verify is True  # the client keeps requests' verification (no override, never off)
        verify = session.merge_environment_settings(OZON, {}, None, None, None)["verify"]
    bundle = requests.certs.where() if verify is True else verify  # REQUESTS_CA_BUNDLE may name another one
    roots = harica_roots(bundle)
    assert roots and any(usable(cert) for cert in roots.values()), f"no usable HARICA TLS root in {bundle}"
