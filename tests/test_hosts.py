"""What a server's name or address may be, the one rule the PRONOTE address, the ENT site, the ENT data file and
the proxy share."""
import pytest

from wizard.core.hosts import is_host_name, is_ip_address, is_loopback


@pytest.mark.parametrize(("host", "names_a_server"), [
    ("0301746k.index-education.net", True), ("cas.mon-ent-occitanie.fr", True), ("a.b", True), ("x1.y-2.z3", True),
    ("a" * 63 + ".fr", True), ("a" * 64 + ".fr", False),  # 63 characters at most per label
    ("localhost", False), ("-a.b", False), ("a-.b", False), ("a..b", False), (".a.b", False), ("a.b.", False),
    ("A.b", False), ("a_b.c", False), ("a.b\n", False), ("é.fr", False), ("a b.fr", False), ("", False),
    ("127.1", False), ("0x7f.1", False), ("10.1", False), ("1.2.3.4", False),  # IPv4 in shorthand, or in full
])
def test_a_server_name(host, names_a_server):
    assert is_host_name(host) is names_a_server


def test_a_single_label_names_a_server_on_a_school_network_when_allowed():
    assert is_host_name("proxy", min_labels=1) and not is_host_name("proxy")
    assert not is_host_name("3128", min_labels=1)


@pytest.mark.parametrize(("host", "address", "loopback"), [
    ("192.0.2.1", True, False), ("127.0.0.1", True, True), ("::1", True, True), ("[::1]", True, True),
    ("localhost", False, True), ("LOCALHOST", False, True), ("127.1", False, False), ("example.fr", False, False),
])
def test_addresses_and_this_computer(host, address, loopback):
    assert is_ip_address(host) is address
    assert is_loopback(host) is loopback
