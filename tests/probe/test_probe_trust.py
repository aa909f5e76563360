"""Certificates are verified against the operating system's store through truststore: on Linux, OpenSSL's
default paths, which SSL_CERT_FILE and SSL_CERT_DIR point elsewhere (as a system store would hold the académie's
certificate). And each system's codes for a failed verification give the same three precise sentences."""
from __future__ import annotations

import shutil
import ssl
import subprocess
import sys

import pytest
import truststore

from tests.probe.pronote import INFO_PATH, INFO_QUERY, info_body, plain
from wizard.core.probe import probe_server
from wizard.core.probe.trust import certificate_problem, system_context

FAST = {"connect_timeout": 0.5, "total_timeout": 2.0}


def serve_pronote(serve, tls):
    server = serve(tls)
    server.expect_request(INFO_PATH, query_string=INFO_QUERY).respond_with_data(info_body(),
                                                                               content_type="application/json")
    return server.url_for("/pronote/")


def test_the_default_context_is_truststores():
    context = system_context()
    assert isinstance(context, truststore.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


@pytest.mark.skipif(sys.platform != "linux", reason="SSL_CERT_FILE is OpenSSL's: Windows and macOS have their stores")
def test_ssl_cert_file_makes_the_test_ca_trusted(serve, tls_good, ca, tmp_path, monkeypatch):
    url = serve_pronote(serve, tls_good)
    assert probe_server(url, **FAST).reason == "cert_untrusted"
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    assert probe_server(url, **FAST).outcome == "delegated"


@pytest.mark.skipif(sys.platform != "linux", reason="SSL_CERT_DIR is OpenSSL's: Windows and macOS have their stores")
@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command to name the hashed file")
def test_ssl_cert_dir_makes_the_test_ca_trusted(serve, tls_good, ca, tmp_path, monkeypatch):
    url = serve_pronote(serve, tls_good)
    pem = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(pem))
    subject_hash = subprocess.run(["openssl", "x509", "-hash", "-noout", "-in", str(pem)], capture_output=True,
                                  text=True, check=True).stdout.strip()
    store = tmp_path / "certs"
    store.mkdir()
    (store / f"{subject_hash}.0").write_bytes(pem.read_bytes())
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "absent.pem"))
    monkeypatch.setenv("SSL_CERT_DIR", str(store))
    assert probe_server(url, **FAST).outcome == "delegated"


@pytest.mark.skipif(sys.platform != "linux", reason="SSL_CERT_FILE is OpenSSL's: Windows and macOS have their stores")
def test_the_production_context_keeps_the_precise_sentences(serve, tls_expired, tls_wrong_host, ca, tmp_path,
                                                            monkeypatch):
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    assert probe_server(serve_pronote(serve, tls_expired), **FAST).reason == "cert_expired"
    wrong = probe_server(serve_pronote(serve, tls_wrong_host), **FAST)
    assert wrong.reason == "cert_wrong_host" and "n'est pas celui de 127.0.0.1" in plain(wrong.message)


def _verification_error(code):
    error = ssl.SSLCertVerificationError("verification failed")
    error.verify_code = code
    return error


@pytest.mark.parametrize("system, code, reason", [
    ("OpenSSL", 10, "cert_expired"),
    ("OpenSSL", 9, "cert_expired"),
    ("OpenSSL", 62, "cert_wrong_host"),
    ("OpenSSL", 20, "cert_untrusted"),
    ("Windows", 0x800B0101, "cert_expired"),  # CERT_E_EXPIRED, as truststore reports dwError
    ("Windows", 0x800B0101 - 2**32, "cert_expired"),
    ("Windows", 0x800B010F, "cert_wrong_host"),  # CERT_E_CN_NO_MATCH
    ("Windows", 0x800B0109, "cert_untrusted"),  # CERT_E_UNTRUSTEDROOT
    ("macOS", -67818, "cert_expired"),  # errSecCertificateExpired
    ("macOS", -67819, "cert_expired"),  # errSecCertificateNotValidYet
    ("macOS", -67602, "cert_wrong_host"),  # errSecHostNameMismatch
    ("macOS", -67843, "cert_untrusted"),  # errSecNotTrusted
    ("none", None, "cert_untrusted"),
])
def test_each_systems_codes(system, code, reason):
    assert certificate_problem(_verification_error(code)) == reason
